using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using LambdaSuite.Events;
using LambdaSuite.Events.Detection;
using LambdaSuite.Events.DynamoDb;
using LambdaSuite.Events.Kinesis;

namespace Fanout.Records;

/// <summary>Turns a Kinesis or DynamoDB Streams event into one <see cref="SourceBatch"/> per source ARN, order kept.</summary>
public static class SourceReader
{
    /// <summary>Kinesis partition keys are at most 256 characters; longer DynamoDB key texts are replaced by their SHA-256.</summary>
    public const int MaxPartitionKeyLength = 256;

    public static IReadOnlyList<SourceBatch> Read(ReadOnlySpan<byte> eventJson) => EventShapeDetector.Detect(eventJson) switch
    {
        EventShape.Kinesis => FromKinesis(EventJson.Parse(eventJson, EventsJsonContext.Default.KinesisEvent)),
        EventShape.DynamoDbStream => FromDynamoDb(EventJson.Parse(eventJson, EventsJsonContext.Default.DynamoDbStreamEvent)),
        var other => throw new InvalidEventException($"Fanout takes Kinesis and DynamoDB Streams events, not {other}."),
    };

    public static IReadOnlyList<SourceBatch> FromKinesis(KinesisEvent kinesisEvent)
    {
        ArgumentNullException.ThrowIfNull(kinesisEvent);
        return [.. kinesisEvent.Records.GroupBy(r => r.EventSourceArn ?? "").Select(group =>
        {
            var records = group.ToArray();
            var sequences = new string[records.Length];
            var fanout = new FanoutRecord[records.Length];
            for (var i = 0; i < records.Length; i++)
            {
                var kinesis = records[i].Kinesis ?? throw new InvalidEventException($"Kinesis record {records[i].EventId} has no kinesis object.");
                sequences[i] = kinesis.SequenceNumber ?? throw new InvalidEventException($"Kinesis record {records[i].EventId} has no sequenceNumber.");
                fanout[i] = new FanoutRecord(i, -1, kinesis.PartitionKey ?? "", null, kinesis.Data);
            }

            return new SourceBatch(RequireArn(group.Key), SourceKind.Kinesis, sequences, fanout);
        })];
    }

    public static IReadOnlyList<SourceBatch> FromDynamoDb(DynamoDbStreamEvent streamEvent)
    {
        ArgumentNullException.ThrowIfNull(streamEvent);
        return [.. streamEvent.Records.GroupBy(r => r.EventSourceArn ?? "").Select(group =>
        {
            var records = group.ToArray();
            var sequences = new string[records.Length];
            var keys = new string[records.Length];
            var typed = new FanoutRecord[records.Length];
            var buffer = new ArrayBufferWriter<byte>(4096);
            for (var i = 0; i < records.Length; i++)
            {
                sequences[i] = records[i].DynamoDb?.SequenceNumber ?? throw new InvalidEventException($"DynamoDB record {records[i].EventId} has no SequenceNumber.");
                keys[i] = PartitionKeyOf(DynamoDbRecordJson.KeyText(records[i], buffer));
                typed[i] = new FanoutRecord(i, -1, keys[i], null, DynamoDbRecordJson.Write(records[i], plain: false, buffer));
            }

            return new SourceBatch(RequireArn(group.Key), SourceKind.DynamoDbStreams, sequences, typed, () =>
            {
                var plain = new FanoutRecord[records.Length];
                var writer = new ArrayBufferWriter<byte>(4096);
                for (var i = 0; i < records.Length; i++)
                {
                    plain[i] = new FanoutRecord(i, -1, keys[i], null, DynamoDbRecordJson.Write(records[i], plain: true, writer));
                }

                return plain;
            });
        })];
    }

    private static string PartitionKeyOf(string keyText) =>
        keyText.Length <= MaxPartitionKeyLength ? keyText : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(keyText)));

    private static string RequireArn(string arn) =>
        arn.Length > 0 ? arn : throw new InvalidEventException("Stream record has no eventSourceARN.");
}
