using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Fanout.Records;
using Fanout.Targets;
using LambdaSuite.Data.Fanout;

namespace Fanout.Delivery;

/// <summary>
/// Turns a target's records into entries: one per record, or several records collapsed into one entry (JSON array,
/// concatenation, base64 lines) up to the target's entry limit. A record larger than one entry may be becomes a
/// problem with its reason instead of blocking the shard.
/// </summary>
internal static class MessageBuilder
{
    private static readonly byte[] s_newline = "\n"u8.ToArray();

    /// <summary>
    /// The entries, in an array rented from the shared pool (10,000 entries are 720 KB, a large-object-heap array per
    /// invocation otherwise): give it to <see cref="Release"/> when delivery is over; one never released is only
    /// left to the GC.
    /// </summary>
    public static ArraySegment<OutgoingMessage> Build(SourceBatch batch, FanoutRecord[] records, FanoutTarget target, TargetLimits limits, bool needsIdempotencyKey, List<RecordProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(problems);
        var messages = new PooledArrayList<OutgoingMessage>(target.Collapse == CollapseMode.None ? records.Length : 16);
        if (target.Collapse == CollapseMode.None)
        {
            for (var i = 0; i < records.Length; i++)
            {
                ref readonly var record = ref records[i];
                var body = target.AppendNewlines ? Concat(record.Data.Span, s_newline) : record.Data;
                var message = new OutgoingMessage(i, 1, body, record.PartitionKey, record.ExplicitHashKey, needsIdempotencyKey ? batch.IdempotencyKey(record) : "")
                {
                    QuotedBase64Body = target.AppendNewlines ? default : record.QuotedBase64Data,
                    SentAsBase64 = limits.XmlText && MessageText.NeedsBase64(body.Span),
                };
                AddOrReject(ref messages, message, limits, record, problems);
            }

            return messages.AsSegment();
        }

        var buffer = new ArrayBufferWriter<byte>();
        var start = 0;
        while (start < records.Length)
        {
            buffer.ResetWrittenCount();
            var end = start;
            var base64 = false;
            while (end < records.Length)
            {
                var before = buffer.WrittenCount;
                Append(buffer, records[end], target, first: end == start);
                var closing = target.Collapse == CollapseMode.Json ? 1 : 0;

                // Separators are ASCII and each record is appended whole, so the entry is XML text exactly when every
                // appended part is (a character cut between two records leaves the first part invalid UTF-8).
                var withThis = base64 || (limits.XmlText && MessageText.NeedsBase64(buffer.WrittenSpan[before..]));
                if (limits.BodySize(buffer.WrittenCount + closing, withThis) > limits.MaxBytesPerEntry && end > start)
                {
                    // Did not fit: drop what was just appended, close this entry and start the next with this record.
                    var kept = buffer.WrittenSpan[..before].ToArray();
                    buffer.ResetWrittenCount();
                    buffer.Write(kept);
                    break;
                }

                base64 = withThis;
                end++;
                if (limits.BodySize(buffer.WrittenCount + closing, base64) > limits.MaxBytesPerEntry)
                {
                    break;
                }
            }

            if (target.Collapse == CollapseMode.Json)
            {
                buffer.Write("]"u8);
            }

            var head = records[start];
            var key = needsIdempotencyKey ? batch.IdempotencyKey(head) + "+" + (end - start).ToString(CultureInfo.InvariantCulture) : "";
            AddOrReject(ref messages, new OutgoingMessage(start, end - start, buffer.WrittenSpan.ToArray(), head.PartitionKey, head.ExplicitHashKey, key) { SentAsBase64 = base64 }, limits, head, problems);
            start = end;
        }

        return messages.AsSegment();
    }

    /// <summary>Gives the array of <see cref="Build"/>'s entries back to the pool; they must not be read after.</summary>
    public static void Release(ArraySegment<OutgoingMessage> messages) => PooledArrayList<OutgoingMessage>.Return(messages);

    private static void AddOrReject(ref PooledArrayList<OutgoingMessage> messages, OutgoingMessage message, TargetLimits limits, in FanoutRecord record, List<RecordProblem> problems)
    {
        var size = limits.SizeOf(message);
        if (size > limits.MaxBytesPerEntry)
        {
            problems.Add(new RecordProblem(
                RecordProblemKind.Oversized,
                record.ParentIndex,
                record.SubIndex,
                record.PartitionKey,
                record.Data,
                $"entry of {size.ToString(CultureInfo.InvariantCulture)} bytes{(message.SentAsBase64 ? " as base64" : "")} exceeds the target's {limits.MaxBytesPerEntry.ToString(CultureInfo.InvariantCulture)}-byte limit"));
            return;
        }

        messages.Add(message);
    }

    private static void Append(ArrayBufferWriter<byte> buffer, in FanoutRecord record, FanoutTarget target, bool first)
    {
        var data = record.Data.Span;
        switch (target.Collapse)
        {
            case CollapseMode.Json:
                buffer.Write(first ? "["u8 : ","u8);
                if (IsJson(data))
                {
                    buffer.Write(data);
                }
                else
                {
                    // Not JSON: carried as a base64 string so the array stays valid JSON.
                    buffer.Write("\""u8);
                    WriteBase64(buffer, data);
                    buffer.Write("\""u8);
                }

                break;
            case CollapseMode.ConcatBase64:
                WriteBase64(buffer, data);
                buffer.Write(s_newline);
                break;
            default:
                buffer.Write(data);
                if (target.AppendNewlines)
                {
                    buffer.Write(s_newline);
                }

                break;
        }
    }

    private static void WriteBase64(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> data)
    {
        var span = buffer.GetSpan(System.Buffers.Text.Base64.GetMaxEncodedToUtf8Length(data.Length));
        System.Buffers.Text.Base64.EncodeToUtf8(data, span, out _, out var written);
        buffer.Advance(written);
    }

    /// <summary>
    /// How deep a record may nest and still count as JSON. The default 64 is less than the typed record of the deepest
    /// legal DynamoDB item (<see cref="DynamoDbEventReader.MaxRecordDepth"/>); 1,000 is the depth
    /// <see cref="Utf8JsonWriter"/> writes by default, so a document read here can always be written again (OpenSearch
    /// rewrites it compact). Neither the reader nor <see cref="JsonDocument"/> recurses, so depth costs no stack.
    /// </summary>
    public const int MaxJsonDepth = 1000;

    public static bool IsJson(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new Utf8JsonReader(data, new JsonReaderOptions { MaxDepth = MaxJsonDepth });
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var result = new byte[a.Length + b.Length];
        a.CopyTo(result);
        b.CopyTo(result.AsSpan(a.Length));
        return result;
    }
}
