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
        return [.. response.Failed.Select(f => BatchEntries.Failure(f.Id, f.Code, f.Message, f.SenderFault, throttled: f.Code is "RequestThrottled" or "ThrottlingException"))];
    }

    /// <summary>The SendMessageBatch body of one call, written from the entries' bytes; dispose it after the call.</summary>
    public SendMessageBatchBody WriteBody(IReadOnlyList<OutgoingMessage> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var size = 0;
        foreach (var entry in entries)
        {
            // Escapes can make a body longer than this; the buffer grows then, the hint only saves the common case.
            size += (entry.SentAsBase64 ? System.Buffers.Text.Base64.GetMaxEncodedToUtf8Length(entry.Body.Length) : entry.Body.Length) + entry.IdempotencyKey.Length + 160;
        }

        var body = new SendMessageBatchBody(queueUrl, size);
        foreach (var entry in entries)
        {
            var attributes = entry.IdempotencyKey.Length == 0 && !entry.SentAsBase64 ? null : BatchEntries.StringAttributes(entry.IdempotencyKey, entry.SentAsBase64);
            body.Add(
                entry.Body.Span,
                entry.SentAsBase64,
                attributes,
                _fifo ? FifoKeys.DeduplicationOf(target, entry.IdempotencyKey) : null,
                _fifo ? FifoKeys.GroupOf(target, entry.PartitionKey) : null);
        }

        return body;
    }
}
