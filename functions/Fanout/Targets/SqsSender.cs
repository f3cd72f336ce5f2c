using Fanout.Delivery;
using LambdaSuite.Aws.Sqs;
using LambdaSuite.Data.Fanout;

namespace Fanout.Targets;

/// <summary>
/// SendMessageBatch, 10 at a time; FIFO queues get MessageGroupId (the partition key) and a deterministic
/// MessageDeduplicationId. Entries in <c>Failed</c> are retried unless SQS calls them the sender's fault.
/// </summary>
internal sealed class SqsSender(ISqsClient client, string queueUrl, FanoutTarget target) : ITargetSender
{
    private readonly bool _fifo = FanoutDestinations.IsFifoQueueOrTopic(queueUrl);

    public bool IsOrdered => _fifo;

    public async Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var body = WriteBody(entries);
        var response = await client.WithDeadline(deadline).SendMessageBatchAsync(body, cancellationToken).ConfigureAwait(false);
        return response.Failed.Count == 0 ? [] : [.. response.Failed.Select(f => BatchEntries.Failure(f.Id, f.Code, f.Message, f.SenderFault, throttled: f.Code is "RequestThrottled" or "ThrottlingException"))];
    }

    /// <summary>The SendMessageBatch body of one call, written from the entries' bytes; dispose it after the call.</summary>
    public SendMessageBatchBody WriteBody(IReadOnlyList<OutgoingMessage> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var body = new SendMessageBatchBody(queueUrl, BatchEntries.SizeHint(entries, perEntry: 160));
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
