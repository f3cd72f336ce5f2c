using System.Globalization;
using Fanout.Delivery;
using LambdaSuite.Aws.Sns;
using LambdaSuite.Data.Fanout;

namespace Fanout.Targets;

/// <summary>
/// PublishBatch, 10 at a time; FIFO topics get MessageGroupId (the partition key) and a deterministic
/// MessageDeduplicationId. Entries in <c>Failed</c> are retried unless SNS calls them the sender's fault.
/// </summary>
internal sealed class SnsSender(SnsClient client, string topicArn, FanoutTarget target) : ITargetSender
{
    private readonly bool _fifo = FanoutDestinations.IsFifoQueueOrTopic(topicArn);

    public bool IsOrdered => _fifo;

    public async Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var batch = new PublishBatchRequestEntry[entries.Count];
        for (var i = 0; i < batch.Length; i++)
        {
            var entry = entries[i];
            var text = MessageText.Text(entry.Body.Span, entry.SentAsBase64);
            batch[i] = new PublishBatchRequestEntry
            {
                Id = i.ToString(CultureInfo.InvariantCulture),
                Message = text,
                MessageAttributes = Attributes(entry.IdempotencyKey, entry.SentAsBase64),
                MessageGroupId = _fifo ? FifoKeys.GroupOf(target, entry.PartitionKey) : null,
                MessageDeduplicationId = _fifo ? FifoKeys.DeduplicationOf(target, entry.IdempotencyKey) : null,
            };
        }

        var response = await client.WithDeadline(deadline).PublishBatchAsync(new PublishBatchRequest { TopicArn = topicArn, PublishBatchRequestEntries = batch }, cancellationToken).ConfigureAwait(false);
        return [.. response.Failed.Select(f => BatchEntries.Failure(f.Id, f.Code, f.Message, f.SenderFault, throttled: f.Code is "Throttled" or "ThrottlingException"))];
    }

    private static Dictionary<string, MessageAttributeValue>? Attributes(string idempotencyKey, bool isBase64)
    {
        if (idempotencyKey.Length == 0 && !isBase64)
        {
            return null;
        }

        var attributes = BatchEntries.StringAttributes(idempotencyKey, isBase64)
            .ToDictionary(p => p.Key, p => new MessageAttributeValue { DataType = "String", StringValue = p.Value }, StringComparer.Ordinal);
        return attributes;
    }
}
