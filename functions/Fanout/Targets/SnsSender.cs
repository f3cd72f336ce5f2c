using Fanout.Delivery;
using LambdaSuite.Aws.Sns;
using LambdaSuite.Data.Fanout;

namespace Fanout.Targets;

/// <summary>
/// PublishBatch, 10 at a time; FIFO topics get MessageGroupId (the partition key) and a deterministic
/// MessageDeduplicationId. Entries in <c>Failed</c> are retried unless SNS calls them the sender's fault.
/// </summary>
internal sealed class SnsSender(ISnsClient client, string topicArn, FanoutTarget target) : ITargetSender
{
    private readonly bool _fifo = FanoutDestinations.IsFifoQueueOrTopic(topicArn);

    public bool IsOrdered => _fifo;

    public async Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var body = WriteBody(entries);
        var response = await client.WithDeadline(deadline).PublishBatchAsync(body, cancellationToken).ConfigureAwait(false);
        return response.Failed.Count == 0 ? [] : [.. response.Failed.Select(f => BatchEntries.Failure(f.Id, f.Code, f.Message, f.SenderFault, throttled: f.Code is "Throttled" or "ThrottlingException"))];
    }

    /// <summary>The PublishBatch form of one call, written from the entries' bytes; dispose it after the call.</summary>
    public PublishBatchBody WriteBody(IReadOnlyList<OutgoingMessage> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        // Three times the messages' bytes: the form escapes each value into a span that size, so the buffer never grows.
        var body = new PublishBatchBody(topicArn, 3 * BatchEntries.SizeHint(entries, perEntry: 320));
        foreach (var entry in entries)
        {
            body.Add(
                entry.Body.Span,
                entry.SentAsBase64,
                BatchEntries.AttributesOf(entry),
                _fifo ? FifoKeys.DeduplicationOf(target, entry.IdempotencyKey) : null,
                _fifo ? FifoKeys.GroupOf(target, entry.PartitionKey) : null);
        }

        return body;
    }
}
