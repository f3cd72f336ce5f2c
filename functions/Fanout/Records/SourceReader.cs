using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using LambdaSuite.Events;
using LambdaSuite.Events.Detection;
using LambdaSuite.Events.DynamoDb;

namespace Fanout.Records;

/// <summary>Turns a Kinesis or DynamoDB Streams event into one <see cref="SourceBatch"/> per source ARN, order kept.</summary>
public static class SourceReader
{
    /// <summary>Kinesis partition keys are at most 256 characters; longer DynamoDB key texts are replaced by their SHA-256.</summary>
    public const int MaxPartitionKeyLength = 256;

    /// <summary>
    /// The event's batches. Kinesis records keep ranges of <paramref name="eventJson"/> (their base64 data), so the
    /// bytes must stay unchanged while the batches are in use.
    /// </summary>
    public static IReadOnlyList<SourceBatch> Read(ReadOnlyMemory<byte> eventJson) => EventShapeDetector.Detect(eventJson.Span) switch
    {
        EventShape.Kinesis => KinesisEventReader.Read(eventJson),
        EventShape.DynamoDbStream => FromDynamoDb(EventJson.Parse(eventJson.Span, EventsJsonContext.Default.DynamoDbStreamEvent)),
        var other => throw new InvalidEventException($"Fanout takes Kinesis and DynamoDB Streams events, not {other}."),
    };

    public static IReadOnlyList<SourceBatch> FromDynamoDb(DynamoDbStreamEvent streamEvent)
    {
        ArgumentNullException.ThrowIfNull(streamEvent);
        return [.. streamEvent.Records.GroupBy(r => r.EventSourceArn ?? "").Select(group =>
        {
            var records = group.ToArray();
            var sequences = new string[records.Length];
            var keys = new string[records.Length];
            var buffer = new ArrayBufferWriter<byte>(4096);
            for (var i = 0; i < records.Length; i++)
            {
                sequences[i] = records[i].DynamoDb?.SequenceNumber ?? throw new InvalidEventException($"DynamoDB record {records[i].EventId} has no SequenceNumber.");
                keys[i] = PartitionKeyOf(DynamoDbRecordJson.KeyText(records[i], buffer));
            }

            // Each form is written only when a target asks for it: typed for targets without convertDDB, plain for the others.
            return new SourceBatch(RequireArn(group.Key), SourceKind.DynamoDbStreams, sequences, () => Write(records, keys, plain: false), () => Write(records, keys, plain: true));
        })];
    }

    private static FanoutRecord[] Write(DynamoDbStreamEventRecord[] records, string[] keys, bool plain)
    {
        var written = new FanoutRecord[records.Length];
        var writer = new ArrayBufferWriter<byte>(4096);
        for (var i = 0; i < records.Length; i++)
        {
            written[i] = new FanoutRecord(i, -1, keys[i], null, DynamoDbRecordJson.Write(records[i], plain, writer));
        }

        return written;
    }

    private static string PartitionKeyOf(string keyText) =>
        keyText.Length <= MaxPartitionKeyLength ? keyText : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(keyText)));

    private static string RequireArn(string arn) =>
        arn.Length > 0 ? arn : throw new InvalidEventException("Stream record has no eventSourceARN.");
}
