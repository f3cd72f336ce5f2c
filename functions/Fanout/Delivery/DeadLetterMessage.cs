using System.Buffers;
using System.Text.Json;
using Fanout.Records;

namespace Fanout.Delivery;

/// <summary>
/// The dead-letter message body: why, for which target, which record (source, sequence number, KPL index, key) and
/// the record itself in base64 when it fits. A record too big to carry is still named exactly, so it can be read
/// again from the stream within its retention.
/// </summary>
internal static class DeadLetterMessage
{
    /// <summary>Largest record carried inline: base64 of it stays under SQS's 1 MiB message limit with room to spare.</summary>
    public const int MaxInlineRecordBytes = 700 * 1024;

    /// <param name="shardId">The record's shard when the event names it (Kinesis).</param>
    /// <param name="reread">How to read the record again from its stream; written when the data is left out.</param>
    public static byte[] Write(RecordProblem problem, string targetName, string sourceArn, string sequenceNumber, string? shardId = null, string? reread = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("reason", problem.Reason);
            writer.WriteString("kind", problem.Kind.ToString());
            writer.WriteString("target", targetName);
            writer.WriteString("sourceArn", sourceArn);
            writer.WriteString("sequenceNumber", sequenceNumber);
            if (shardId is not null)
            {
                writer.WriteString("shardId", shardId);
            }

            if (problem.SubIndex >= 0)
            {
                writer.WriteNumber("subSequenceNumber", problem.SubIndex);
            }

            writer.WriteString("partitionKey", problem.PartitionKey);
            writer.WriteNumber("size", problem.Data.Length);
            if (problem.Data.Length <= MaxInlineRecordBytes)
            {
                writer.WriteBase64String("data", problem.Data.Span);
            }
            else
            {
                writer.WriteBoolean("dataOmitted", true);
                if (reread is not null)
                {
                    writer.WriteString("reread", reread);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
