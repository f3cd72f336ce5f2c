using System.Diagnostics;
using Fanout.Records;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Runtime;

namespace Fanout.Delivery;

/// <summary>
/// Delivers one target's share of a batch: entries grouped into calls by the target's limits, calls in order for
/// ordered targets (up to <c>parallel</c> at once otherwise), and only the entries a call rejected retried, with
/// full-jitter backoff, while the deadline allows. Entries rejected for good, or still failing when time runs out,
/// become problems (dead-letter) or failed parents (batch item failure), as <see cref="FanoutEngine"/> decides.
/// </summary>
internal sealed class TargetDelivery(ITargetSender sender, TargetLimits limits, AwsRetryPolicy retryPolicy)
{
    /// <summary>Attempts per entry, the first included.</summary>
    public int MaxEntryAttempts { get; init; } = 8;

    public async Task DeliverAsync(FanoutTarget target, IReadOnlyList<OutgoingMessage> messages, TargetOutcome outcome, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(outcome);
        var started = Stopwatch.GetTimestamp();
        var calls = SplitIntoCalls(messages);
        var parallel = sender.IsOrdered ? 1 : Math.Max(1, target.Parallel);
        if (parallel == 1)
        {
            foreach (var call in calls)
            {
                var ok = await SendWithRetriesAsync(call, outcome, deadline, cancellationToken).ConfigureAwait(false);
                if (!ok && sender.IsOrdered)
                {
                    // Order per key: nothing after a record that failed may overtake it. Lambda re-sends from the
                    // lowest failed record, so the rest of this target's share waits for that retry.
                    MarkNotSent(calls, call, outcome);
                    break;
                }
            }
        }
        else
        {
            using var gate = new SemaphoreSlim(parallel);
            await Task.WhenAll(calls.Select(async call =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await SendWithRetriesAsync(call, outcome, deadline, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
        }

        outcome.Milliseconds += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>
    /// Greedy split: as many entries per call as both the entry and the byte limit allow, order kept. Each call is a
    /// slice of one array (the entries' own when they come as one, as <see cref="MessageBuilder.Build"/> gives them):
    /// a list per call held 20 × 36 KB of entries for 10,000 records, copied again by every collection during the
    /// invocation since all of it is alive until the last call is sent.
    /// </summary>
    public List<ArraySegment<OutgoingMessage>> SplitIntoCalls(IReadOnlyList<OutgoingMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var all = messages switch
        {
            ArraySegment<OutgoingMessage> segment => segment,
            OutgoingMessage[] array => new ArraySegment<OutgoingMessage>(array),
            _ => new ArraySegment<OutgoingMessage>([.. messages]),
        };
        var calls = new List<ArraySegment<OutgoingMessage>>(all.Count / limits.MaxEntriesPerCall + 1);
        var start = 0;
        var bytes = 0;
        for (var i = 0; i < all.Count; i++)
        {
            var size = limits.SizeOf(all[i]);
            var count = i - start;
            if (count > 0 && (count == limits.MaxEntriesPerCall || bytes + size > limits.MaxBytesPerCall))
            {
                calls.Add(all.Slice(start, count));
                start = i;
                bytes = 0;
            }

            bytes += size;
        }

        if (all.Count > start)
        {
            calls.Add(all.Slice(start, all.Count - start));
        }

        return calls;
    }

    /// <summary>Sends one call and retries what it rejected; true when every entry was taken or diverted.</summary>
    private async Task<bool> SendWithRetriesAsync(ArraySegment<OutgoingMessage> call, TargetOutcome outcome, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutgoingMessage> pending = call;
        for (var attempt = 1; ; attempt++)
        {
            IReadOnlyList<EntryFailure> failures;
            try
            {
                failures = await sender.SendAsync(pending, deadline, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The whole call failed (the client makes one attempt: this loop is the only retry). A retryable
                // error is retried here; any other means the target itself is wrong (access, missing resource): not the records' fault, so they
                // fail the batch rather than fill the dead-letter queue, and delivery resumes once it is fixed.
                var retryable = AwsRetryPolicy.IsRetryable(error, cancellationToken, out var throttled);
                var code = error is LambdaSuite.Aws.Http.AwsServiceException service ? service.ErrorCode : error.GetType().Name;
                if (!retryable)
                {
                    foreach (var message in pending)
                    {
                        Fail(outcome, message, RecordProblemKind.Undeliverable, $"{code}: {ErrorText.Of(error)}", divert: false);
                    }

                    lock (outcome)
                    {
                        outcome.Calls++;
                        outcome.LastError = $"{code}: {ErrorText.Of(error)}";
                    }

                    return false;
                }

                failures = [.. Enumerable.Range(0, pending.Count).Select(i => new EntryFailure(i, code, ErrorText.Of(error), Retryable: true, throttled))];
                lock (outcome)
                {
                    outcome.LastError = $"{code}: {ErrorText.Of(error)}";
                }
            }

            lock (outcome)
            {
                outcome.Calls++;
            }

            var failed = new bool[pending.Count];
            var retryAt = new bool[pending.Count];
            var retry = new List<OutgoingMessage>();
            var throttledAny = false;
            foreach (var failure in failures)
            {
                if ((uint)failure.Position >= (uint)pending.Count || failed[failure.Position])
                {
                    continue;
                }

                failed[failure.Position] = true;
                throttledAny |= failure.Throttled;
                lock (outcome)
                {
                    outcome.LastError = $"{failure.Code}: {failure.Message}";
                }

                if (failure.Retryable)
                {
                    retry.Add(pending[failure.Position]);
                    retryAt[failure.Position] = true;
                }
                else
                {
                    Fail(outcome, pending[failure.Position], RecordProblemKind.Undeliverable, $"{failure.Code}: {failure.Message}", divert: true);
                }
            }

            // Order per key: on an ordered target, an accepted entry that follows a retried entry of the same key is
            // held back: not counted as delivered (so neither the ledger nor a retry from Lambda skips it) until it
            // has been sent again after the entry it must follow.
            var held = sender.IsOrdered && retry.Count > 0 ? LaterSameKey(pending, failed, retryAt) : null;
            lock (outcome)
            {
                for (var i = 0; i < pending.Count; i++)
                {
                    if (!failed[i] && held?[i] != true)
                    {
                        MarkDelivered(outcome, pending[i]);
                    }
                }

                outcome.Throttles += throttledAny ? 1 : 0;
            }

            if (retry.Count == 0)
            {
                return true;
            }

            if (held is not null)
            {
                retry = [.. pending.Where((_, i) => held[i] || retryAt[i])];
            }

            var delay = retryPolicy.BackoffFor(attempt - 1, throttledAny);
            var outOfTime = retryPolicy.TimeProvider.GetUtcNow() + delay >= deadline;
            if (attempt >= MaxEntryAttempts || outOfTime)
            {
                lock (outcome)
                {
                    outcome.DeadlineReached |= outOfTime;
                }

                foreach (var message in retry)
                {
                    Fail(outcome, message, RecordProblemKind.Undeliverable, "retries exhausted before the deadline", divert: false);
                }

                return false;
            }

            lock (outcome)
            {
                outcome.Retries += retry.Count;
            }

            await Task.Delay(delay, retryPolicy.TimeProvider, cancellationToken).ConfigureAwait(false);
            pending = retry;
        }
    }

    /// <summary>
    /// The accepted entries of a call that follow a retried entry with the same partition key. Kinesis goes on after a
    /// failed entry of a PutRecords call, so such an entry may already be in the stream ahead of the one it follows;
    /// sending it again after that one makes the last copy of every record land in key order (duplicates in order:
    /// K1' K1 K1'), and consumers already expect at-least-once delivery.
    /// </summary>
    private static bool[] LaterSameKey(IReadOnlyList<OutgoingMessage> pending, bool[] failed, bool[] retryAt)
    {
        var held = new bool[pending.Count];
        var failedKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pending.Count; i++)
        {
            if (failed[i])
            {
                if (retryAt[i])
                {
                    failedKeys.Add(pending[i].PartitionKey);
                }
            }
            else if (failedKeys.Contains(pending[i].PartitionKey))
            {
                held[i] = true;
            }
        }

        return held;
    }

    private static void MarkDelivered(TargetOutcome outcome, in OutgoingMessage message)
    {
        if (outcome.DeliveredRecords[message.First])
        {
            return;
        }

        outcome.Delivered += message.Count;
        for (var i = message.First; i < message.First + message.Count; i++)
        {
            outcome.DeliveredRecords[i] = true;
        }
    }

    private static void MarkNotSent(List<ArraySegment<OutgoingMessage>> calls, ArraySegment<OutgoingMessage> failedCall, TargetOutcome outcome)
    {
        var after = false;
        foreach (var call in calls)
        {
            if (after)
            {
                foreach (var message in call)
                {
                    outcome.FailedParents.Add(outcome.Records[message.First].ParentIndex);
                }
            }

            // Calls are slices of one array, in order: the failed one is the one starting where it starts.
            after |= call.Offset == failedCall.Offset;
        }
    }

    /// <summary>
    /// A client error (divert) goes to the dead-letter destination; running out of time does not, since a later
    /// retry may well succeed: that record fails the batch from its parent on.
    /// </summary>
    private static void Fail(TargetOutcome outcome, in OutgoingMessage message, RecordProblemKind kind, string reason, bool divert)
    {
        lock (outcome)
        {
            for (var i = message.First; i < message.First + message.Count; i++)
            {
                var record = outcome.Records[i];
                if (divert)
                {
                    outcome.Problems.Add(new RecordProblem(kind, record.ParentIndex, record.SubIndex, record.PartitionKey, record.Data, reason));
                }
                else
                {
                    outcome.FailedParents.Add(record.ParentIndex);
                }
            }
        }
    }
}
