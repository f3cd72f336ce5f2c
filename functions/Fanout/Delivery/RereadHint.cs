using Fanout.Records;

namespace Fanout.Delivery;

/// <summary>
/// How an operator gets a record back from its stream when Fanout could not keep a copy of it (no dead-letter queue,
/// or data too large to carry): the stream's own API, from the record's sequence number, while the stream still
/// retains it (24 hours by default; DynamoDB Streams always 24 hours).
/// </summary>
internal static class RereadHint
{
    public static string For(SourceBatch batch, int parentIndex)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var sequence = batch.SequenceNumbers[parentIndex];
        if (batch.Kind == SourceKind.Kinesis)
        {
            var shard = batch.ShardIdOf(parentIndex) ?? "<shard of the record>";
            return $"before the stream's retention ends: aws kinesis get-shard-iterator --stream-arn {batch.SourceArn} --shard-id {shard} --shard-iterator-type AT_SEQUENCE_NUMBER --starting-sequence-number {sequence}, then aws kinesis get-records";
        }

        return $"within 24 hours of the change: aws dynamodbstreams describe-stream --stream-arn {batch.SourceArn} names the shard whose SequenceNumberRange holds {sequence}; then aws dynamodbstreams get-shard-iterator --stream-arn {batch.SourceArn} --shard-id <that shard> --shard-iterator-type AT_SEQUENCE_NUMBER --sequence-number {sequence}, then get-records";
    }
}
