using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using LambdaSuite.Events;
using LambdaSuite.Events.Detection;
using LambdaSuite.Events.DynamoDb;

namespace Fanout.Records;

/// <summary>Turns a Kinesis or DynamoDB Streams event into one <see cref="SourceBatch"/> per source ARN, order kept.</summary>
internal static class SourceReader
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
        EventShape.DynamoDbStream => DynamoDbEventReader.Read(eventJson),
        EventShape.NotJson => throw new InvalidEventException("The event is not well-formed JSON; Fanout takes Kinesis and DynamoDB Streams events."),
        var other => throw new InvalidEventException($"Fanout takes Kinesis and DynamoDB Streams events, not {other} events."),
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
                sequences[i] = records[i].DynamoDb?.SequenceNumber ?? throw new InvalidEventException($"DynamoDB record {records[i].EventId} has no SequenceNumber, so it cannot be named in a batch item failure.");
                keys[i] = PartitionKeyOf(DynamoDbRecordJson.KeyText(records[i], buffer));
            }

            // Each form is written only when a target asks for it: typed for targets without convertDDB, plain for the others.
            return new SourceBatch(RequireArn(group.Key), SourceKind.DynamoDbStreams, sequences, () => Write(records, keys, null, plain: false), () => Write(records, keys, null, plain: true));
        })];
    }

    /// <summary>One batch per source, order kept; unreadable records keep their place and become the batch's read problems.</summary>
    public static IReadOnlyList<SourceBatch> FromEntries(IReadOnlyList<DynamoDbEventReader.Entry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return [.. entries.GroupBy(e => e.Arn).Select(group =>
        {
            var members = group.ToArray();
            var sequences = new string[members.Length];
            var good = new List<DynamoDbStreamEventRecord>(members.Length);
            var keys = new List<string>(members.Length);
            var parents = new List<int>(members.Length);
            var problems = new List<RecordProblem>();
            var buffer = new ArrayBufferWriter<byte>(4096);
            for (var i = 0; i < members.Length; i++)
            {
                var entry = members[i];
                sequences[i] = entry.Sequence.Length > 0
                    ? entry.Sequence
                    : throw new InvalidEventException($"DynamoDB record {entry.Record?.EventId} has no SequenceNumber, so it cannot be named in a batch item failure.");
                if (entry.Record is { } record)
                {
                    good.Add(record);
                    keys.Add(PartitionKeyOf(DynamoDbRecordJson.KeyText(record, buffer)));
                    parents.Add(i);
                }
                else
                {
                    problems.Add(new RecordProblem(RecordProblemKind.Undecodable, i, -1, "", entry.Json, entry.Problem ?? "the record cannot be read"));
                }
            }

            DynamoDbStreamEventRecord[] records = [.. good];
            string[] keyArray = [.. keys];
            int[] parentArray = [.. parents];
            return new SourceBatch(RequireArn(group.Key), SourceKind.DynamoDbStreams, sequences, () => Write(records, keyArray, parentArray, plain: false), () => Write(records, keyArray, parentArray, plain: true))
            {
                ReadProblems = [.. problems],
            };
        })];
    }

    /// <summary>Each record's JSON; <paramref name="parents"/> maps it to its event record when some were left out (else the same index).</summary>
    private static FanoutRecord[] Write(DynamoDbStreamEventRecord[] records, string[] keys, int[]? parents, bool plain)
    {
        var written = new FanoutRecord[records.Length];
        var writer = new ArrayBufferWriter<byte>(4096);
        for (var i = 0; i < records.Length; i++)
        {
            written[i] = new FanoutRecord(parents?[i] ?? i, -1, keys[i], null, DynamoDbRecordJson.Write(records[i], plain, writer));
        }

        return written;
    }

    /// <summary>A DynamoDB record's partition key for Kinesis: its key text, or that text's SHA-256 when it is too long.</summary>
    internal static string PartitionKeyOf(string keyText) =>
        keyText.Length <= MaxPartitionKeyLength ? keyText : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(keyText)));

    private static string RequireArn(string arn) =>
        arn.Length > 0 ? arn : throw new InvalidEventException("Stream record has no eventSourceARN.");
}
