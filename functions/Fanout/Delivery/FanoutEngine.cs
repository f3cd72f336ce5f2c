using System.Globalization;
using Fanout.Metrics;
using Fanout.Records;
using Fanout.Targets;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Runtime;

namespace Fanout.Delivery;

/// <summary>
/// Delivers one source batch to every active target at once, each target on its own (one target's trouble never
/// changes what another receives), then settles the records that did not get through:
/// <list type="bullet">
/// <item>oversized, corrupt (KPL) and rejected-for-good records go to the mapping's dead-letter queue with their
/// reason (or the function's <c>FANOUT_DEAD_LETTER</c>); with neither they are logged in full and counted as dropped,
/// so one bad record never blocks the shard;</item>
/// <item>records still failing when time runs out, or whose target is unreachable or misconfigured, fail the batch:
/// the lowest such record's sequence number (for a KPL user record, its parent's) is the batch item failure, and the
/// <see cref="DeliveryLedger"/> keeps healthy targets from receiving again what they already took.</item>
/// </list>
/// </summary>
internal sealed class FanoutEngine(ITargetSenderFactory senders, DeliveryLedger ledger, AwsRetryPolicy retryPolicy, string? defaultDeadLetter)
{
    public async Task<FanoutResult> DeliverAsync(SourceBatch batch, IReadOnlyList<FanoutTarget> targets, DateTimeOffset deadline, ILambdaLogger logger, FanoutMetrics metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(metrics);

        // Views are built here, one at a time, so the targets running in parallel below only read them.
        var work = targets.Select(target => Prepare(batch, target)).ToArray();
        try
        {
            await Task.WhenAll(work.Select(w => DeliverTargetAsync(w.Target, w.Messages, w.Outcome, deadline, cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            foreach (var w in work)
            {
                MessageBuilder.Release(w.Messages);
            }
        }

        int deadLettered = 0, dropped = 0;
        foreach (var (target, _, outcome) in work)
        {
            var (sent, lost) = await SettleProblemsAsync(batch, target, outcome, deadline, logger, cancellationToken).ConfigureAwait(false);
            deadLettered += sent;
            dropped += lost;
            metrics.Target(batch.SourceArn, outcome, sent, lost);
            LogShortfall(logger, batch, outcome);
        }

        var lowest = work.SelectMany(w => w.Outcome.FailedParents.Take(1)).DefaultIfEmpty(-1).Min();
        if (lowest >= 0)
        {
            RememberDeliveries(batch, work.Select(w => (w.Target, w.Outcome)), lowest);
        }

        return new FanoutResult(batch.SourceArn, lowest >= 0 ? batch.SequenceNumbers[lowest] : null, [.. work.Select(w => w.Outcome)], deadLettered, dropped);
    }

    private (FanoutTarget Target, ArraySegment<OutgoingMessage> Messages, TargetOutcome Outcome) Prepare(SourceBatch batch, FanoutTarget target)
    {
        var outcome = new TargetOutcome(target.Name);
        foreach (var problem in batch.ReadProblems)
        {
            // Settled on an earlier attempt of this batch (dead-lettered or dropped): not again on Lambda's retry.
            if (!ledger.IsEmpty && ledger.TryConsume(DeliveryLedger.KeyOf(target.Name, batch.SourceArn, batch.IdempotencyKey(new FanoutRecord(problem.ParentIndex, problem.SubIndex, problem.PartitionKey, null, default)))))
            {
                outcome.Skipped++;
                continue;
            }

            outcome.Problems.Add(problem);
        }

        FanoutRecord[] records;
        if (batch.Kind == SourceKind.Kinesis && target.Deaggregate)
        {
            var (users, corrupt) = batch.Deaggregated();
            records = users;
            outcome.Problems.AddRange(corrupt);
        }
        else
        {
            records = batch.Kind == SourceKind.DynamoDbStreams && target.ConvertDdb ? batch.Converted() : batch.Records;
        }

        if (!ledger.IsEmpty)
        {
            records = SkipAlreadyDelivered(batch, target, records, outcome);
        }

        outcome.Records = records;
        outcome.DeliveredRecords = new bool[records.Length];
        var limits = TargetLimits.For(target.Type);
        var needsKey = target.Type is FanoutTargetType.Sqs or FanoutTargetType.Sns or FanoutTargetType.OpenSearch or FanoutTargetType.Lambda;
        var messages = MessageBuilder.Build(batch, records, target, limits, needsKey, outcome.Problems);
        return (target, messages, outcome);
    }

    private async Task DeliverTargetAsync(FanoutTarget target, ArraySegment<OutgoingMessage> messages, TargetOutcome outcome, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        ITargetSender sender;
        try
        {
            sender = senders.Create(target);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or UriFormatException)
        {
            outcome.LastError = "sender: " + ErrorText.Of(error);
            foreach (var message in messages)
            {
                outcome.FailedParents.Add(outcome.Records[message.First].ParentIndex);
            }

            return;
        }

        await new TargetDelivery(sender, TargetLimits.For(target.Type), retryPolicy).DeliverAsync(target, messages, outcome, deadline, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(int Sent, int Dropped)> SettleProblemsAsync(SourceBatch batch, FanoutTarget target, TargetOutcome outcome, DateTimeOffset deadline, ILambdaLogger logger, CancellationToken cancellationToken)
    {
        if (outcome.Problems.Count == 0)
        {
            return (0, 0);
        }

        var queue = target.DeadLetter ?? defaultDeadLetter;
        if (queue is null)
        {
            foreach (var problem in outcome.Problems)
            {
                // The data is not in the line (a record can be 1 MiB, a log event is cut at 256 KB): the line says
                // exactly which record it was and how to read it again from the stream while it is retained.
                var fields = Fields(batch, outcome.TargetName, problem);
                fields.Add(new("reread", RereadHint.For(batch, problem.ParentIndex)));
                logger.Log(LambdaLogLevel.Error, "Record dropped: no dead-letter queue configured; read it again from the stream (see reread) before its retention ends", fields);
            }

            return (0, outcome.Problems.Count);
        }

        var entries = outcome.Problems.Select((problem, i) =>
        {
            var body = DeadLetterMessage.Write(problem, outcome.TargetName, batch.SourceArn, batch.SequenceNumbers[problem.ParentIndex], batch.ShardIdOf(problem.ParentIndex), RereadHint.For(batch, problem.ParentIndex));
            return new OutgoingMessage(i, 1, body, problem.PartitionKey, null, "dlq-" + outcome.TargetName + "-" + batch.SequenceNumbers[problem.ParentIndex] + "-" + problem.SubIndex.ToString(CultureInfo.InvariantCulture))
            {
                SentAsBase64 = MessageText.NeedsBase64(body),
            };
        }).ToList();
        var dlqOutcome = new TargetOutcome("dead-letter")
        {
            Records = [.. outcome.Problems.Select(p => new FanoutRecord(p.ParentIndex, p.SubIndex, p.PartitionKey, null, p.Data))],
        };
        dlqOutcome.DeliveredRecords = new bool[dlqOutcome.Records.Length];
        try
        {
            var sender = senders.CreateDeadLetter(queue, target);
            await new TargetDelivery(sender, TargetLimits.For(FanoutTargetType.Sqs), retryPolicy).DeliverAsync(target with { Parallel = 1 }, entries, dlqOutcome, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException error)
        {
            dlqOutcome.LastError = ErrorText.Of(error);
            foreach (var problem in outcome.Problems)
            {
                dlqOutcome.FailedParents.Add(problem.ParentIndex);
            }
        }

        // A record the dead-letter queue did not take is not lost: it fails the batch, like any undelivered record.
        foreach (var problem in dlqOutcome.Problems)
        {
            dlqOutcome.FailedParents.Add(problem.ParentIndex);
        }

        foreach (var parent in dlqOutcome.FailedParents)
        {
            outcome.FailedParents.Add(parent);
        }

        for (var i = 0; i < outcome.Problems.Count; i++)
        {
            if (dlqOutcome.DeliveredRecords[i])
            {
                logger.Log(LambdaLogLevel.Warning, "Record sent to the dead-letter queue", Fields(batch, outcome.TargetName, outcome.Problems[i]));
            }
            else
            {
                outcome.DeadLetterMissed++;
            }
        }

        // The shortfall line must say why: the dead-letter queue's own error and deadline are this target's too.
        if (outcome.DeadLetterMissed > 0)
        {
            var error = "dead-letter queue: " + (dlqOutcome.LastError ?? "none recorded");
            outcome.LastError = outcome.LastError is null ? error : outcome.LastError + "; " + error;
            outcome.DeadlineReached |= dlqOutcome.DeadlineReached;
        }

        return (dlqOutcome.Delivered, 0);
    }

    private FanoutRecord[] SkipAlreadyDelivered(SourceBatch batch, FanoutTarget target, FanoutRecord[] records, TargetOutcome outcome)
    {
        var kept = new List<FanoutRecord>(records.Length);
        foreach (var record in records)
        {
            if (ledger.TryConsume(DeliveryLedger.KeyOf(target.Name, batch.SourceArn, batch.IdempotencyKey(record))))
            {
                outcome.Skipped++;
                continue;
            }

            kept.Add(record);
        }

        return kept.Count == records.Length ? records : [.. kept];
    }

    /// <summary>Records at or after the lowest failure come again; note which ones each target already has.</summary>
    private void RememberDeliveries(SourceBatch batch, IEnumerable<(FanoutTarget Target, TargetOutcome Outcome)> work, int lowestFailedParent)
    {
        var keys = new List<string>();
        foreach (var (target, outcome) in work)
        {
            for (var i = 0; i < outcome.Records.Length; i++)
            {
                if (outcome.DeliveredRecords[i] && outcome.Records[i].ParentIndex >= lowestFailedParent)
                {
                    keys.Add(DeliveryLedger.KeyOf(target.Name, batch.SourceArn, batch.IdempotencyKey(outcome.Records[i])));
                }
            }

            // Records diverted to the dead-letter queue are settled too: the retry must not divert them twice.
            foreach (var problem in outcome.Problems.Where(p => p.ParentIndex >= lowestFailedParent && !outcome.FailedParents.Contains(p.ParentIndex)))
            {
                keys.Add(DeliveryLedger.KeyOf(target.Name, batch.SourceArn, batch.IdempotencyKey(new FanoutRecord(problem.ParentIndex, problem.SubIndex, problem.PartitionKey, null, default))));
            }
        }

        ledger.Remember(keys);
    }

    /// <summary>
    /// One line per target that fell short, whatever the cause (refused connections, throttling that outlasted the
    /// deadline, access denied): metrics say how often, this says what happened and to which records.
    /// </summary>
    private static void LogShortfall(ILambdaLogger logger, SourceBatch batch, TargetOutcome outcome)
    {
        if (outcome.FailedParents.Count == 0)
        {
            return;
        }

        var undelivered = outcome.Undelivered();
        var message = outcome.DeadlineReached
            ? $"Target {outcome.TargetName}: deadline reached with {undelivered} undelivered; Lambda sends them again from the reported record"
            : $"Target {outcome.TargetName}: delivery failed with {undelivered} undelivered; Lambda sends them again from the reported record";
        logger.Log(LambdaLogLevel.Error, message,
        [
            new("target", outcome.TargetName),
            new("sourceArn", batch.SourceArn),
            new("undelivered", undelivered.ToString(CultureInfo.InvariantCulture)),
            new("firstUndeliveredSequenceNumber", batch.SequenceNumbers[outcome.FailedParents.Min]),
            new("lastError", outcome.LastError ?? "none recorded"),
        ]);
    }

    private static List<KeyValuePair<string, string?>> Fields(SourceBatch batch, string targetName, RecordProblem problem)
    {
        List<KeyValuePair<string, string?>> fields =
        [
            new("target", targetName),
            new("kind", problem.Kind.ToString()),
            new("reason", problem.Reason),
            new("sourceArn", batch.SourceArn),
            new("sequenceNumber", batch.SequenceNumbers[problem.ParentIndex]),
            new("subSequenceNumber", problem.SubIndex.ToString(CultureInfo.InvariantCulture)),
            new("partitionKey", problem.PartitionKey),
            new("size", problem.Data.Length.ToString(CultureInfo.InvariantCulture)),
        ];

        // Kinesis names the shard in eventID; a DynamoDB Streams event does not (the reread hint says how to find it).
        if (batch.ShardIdOf(problem.ParentIndex) is { } shard)
        {
            fields.Add(new("shardId", shard));
        }

        return fields;
    }
}
