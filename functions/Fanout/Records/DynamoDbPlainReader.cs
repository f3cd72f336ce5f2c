using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaSuite.Events.DynamoDb;

namespace Fanout.Records;

/// <summary>
/// The fast path for a DynamoDB Streams event: one <see cref="Utf8JsonReader"/> pass writes each record's plain JSON
/// (the form <see cref="DynamoDbRecordJson"/> writes, byte for byte) straight into one pooled buffer the batch owns,
/// with no object per attribute and no second serialisation; a 6 MB event otherwise becomes tens of MB of strings and dictionaries.
/// It takes only events the full reader (<see cref="DynamoDbEventReader"/>) reads in one piece and without
/// ambiguity: anything else (a value of an unexpected JSON type, a repeated attribute name, an escaped attribute
/// name, a map of more than <see cref="MaxAttributesPerMap"/> attributes) returns null and the full reader decides,
/// with its own error texts and one-record failures. The typed form, asked for only by targets without
/// <c>convertDDB</c>, is read by the full reader when first asked.
/// </summary>
internal static class DynamoDbPlainReader
{
    /// <summary>Repeated names are looked for pairwise; a larger map goes to the full reader.</summary>
    public const int MaxAttributesPerMap = 256;

    private static readonly JsonReaderOptions s_options = new() { MaxDepth = DynamoDbEventReader.MaxEventDepth };

    /// <summary>One record's parts: strings the output needs, and the images as ranges of the event.</summary>
    private struct Scanned
    {
        public string? EventId;
        public string? EventName;
        public string? Arn;
        public string? Sequence;
        public string? StreamViewType;
        public double CreationTime;
        public Range? Keys;
        public Range? NewImage;
        public Range? OldImage;
    }

    /// <summary>The event's batches, or null when the full reader must read it.</summary>
    public static IReadOnlyList<SourceBatch>? TryRead(ReadOnlyMemory<byte> eventJson, Func<IReadOnlyList<SourceBatch>> fullRead)
    {
        try
        {
            return Read(eventJson, fullRead);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static List<SourceBatch>? Read(ReadOnlyMemory<byte> eventJson, Func<IReadOnlyList<SourceBatch>> fullRead)
    {
        var span = eventJson.Span;
        var reader = new Utf8JsonReader(span, s_options);
        List<Scanned>? records = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("Records"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            if (records is not null || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            records = [];
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                records.Add(ScanRecord(ref reader));
            }
        }

        if (records is null || reader.Read())
        {
            return null;
        }

        return Group(eventJson, records, fullRead);
    }

    private static Scanned ScanRecord(ref Utf8JsonReader reader)
    {
        Require(ref reader, JsonTokenType.StartObject);
        var record = default(Scanned);
        var hasStream = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("eventID"u8))
            {
                record.EventId = ReadText(ref reader);
            }
            else if (reader.ValueTextEquals("eventName"u8))
            {
                record.EventName = ReadText(ref reader);
            }
            else if (reader.ValueTextEquals("eventSourceARN"u8))
            {
                record.Arn = ReadText(ref reader);
            }
            else if (reader.ValueTextEquals("eventVersion"u8) || reader.ValueTextEquals("eventSource"u8) || reader.ValueTextEquals("awsRegion"u8))
            {
                _ = ReadText(ref reader);
            }
            else if (reader.ValueTextEquals("userIdentity"u8))
            {
                reader.Read();
                SkipUserIdentity(ref reader);
            }
            else if (reader.ValueTextEquals("dynamodb"u8))
            {
                reader.Read();
                Require(ref reader, JsonTokenType.StartObject);
                ScanStreamRecord(ref reader, ref record);
                hasStream = true;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Without its stream record or sequence number the full reader names the problem.
        return hasStream && record.Sequence is not null ? record : throw new JsonException("Record without a sequence number.");
    }

    private static void ScanStreamRecord(ref Utf8JsonReader reader, ref Scanned record)
    {
        // A repeated field is read again, as the full reader reads it: the last one counts.
        record.Keys = record.NewImage = record.OldImage = null;
        record.Sequence = record.StreamViewType = null;
        record.CreationTime = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Keys"u8))
            {
                record.Keys = ImageRange(ref reader);
            }
            else if (reader.ValueTextEquals("NewImage"u8))
            {
                record.NewImage = ImageRange(ref reader);
            }
            else if (reader.ValueTextEquals("OldImage"u8))
            {
                record.OldImage = ImageRange(ref reader);
            }
            else if (reader.ValueTextEquals("SequenceNumber"u8))
            {
                record.Sequence = ReadText(ref reader);
            }
            else if (reader.ValueTextEquals("StreamViewType"u8))
            {
                record.StreamViewType = ReadText(ref reader);
            }
            else if (reader.ValueTextEquals("ApproximateCreationDateTime"u8))
            {
                reader.Read();
                record.CreationTime = reader.GetDouble();
            }
            else if (reader.ValueTextEquals("SizeBytes"u8))
            {
                reader.Read();
                _ = reader.GetInt64();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static Range? ImageRange(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Require(ref reader, JsonTokenType.StartObject);
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return new Range(start, (int)reader.BytesConsumed);
    }

    private static void SkipUserIdentity(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        Require(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8) || reader.ValueTextEquals("principalId"u8))
            {
                _ = ReadText(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>A string field as the full reader takes it: a string or null, nothing else.</summary>
    private static string? ReadText(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw new JsonException("Not a string."),
        };
    }

    private static List<SourceBatch> Group(ReadOnlyMemory<byte> eventJson, List<Scanned> records, Func<IReadOnlyList<SourceBatch>> fullRead)
    {
        var order = new List<string>();
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var arn = records[i].Arn ?? "";
            if (arn.Length == 0)
            {
                throw new JsonException("Record without a source.");
            }

            if (!members.TryGetValue(arn, out var list))
            {
                members[arn] = list = [];
                order.Add(arn);
            }

            list.Add(i);
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        var names = new List<Range>();
        var full = new Lazy<IReadOnlyList<SourceBatch>>(fullRead);
        var batches = new List<SourceBatch>(order.Count);
        for (var b = 0; b < order.Count; b++)
        {
            var indexes = members[order[b]];
            var sequences = new string[indexes.Count];
            var keys = new string[indexes.Count];
            var extents = new (int Start, int Length)[indexes.Count];

            // Every record's JSON in one pooled buffer the batch owns (as the Kinesis reader does): 10,000 records
            // are not 10,000 arrays for the GC to promote while the targets run.
            var estimate = 0L;
            foreach (var i in indexes)
            {
                estimate += Length(records[i].Keys) + Length(records[i].NewImage) + Length(records[i].OldImage) + 512;
            }

            var output = new LambdaSuite.Aws.Http.PooledBufferWriter((int)Math.Min(estimate, Array.MaxLength));
            try
            {
                using var writer = new Utf8JsonWriter(output);
                for (var n = 0; n < indexes.Count; n++)
                {
                    var record = records[indexes[n]];
                    sequences[n] = record.Sequence!;
                    keys[n] = SourceReader.PartitionKeyOf(KeyText(eventJson.Span, record, buffer, names));
                    var start = output.WrittenCount;
                    writer.Reset(output);
                    Write(writer, eventJson.Span, record, names);
                    writer.Flush();
                    extents[n] = (start, output.WrittenCount - start);
                }
            }
            catch
            {
                output.Dispose();
                throw;
            }

            var data = output.WrittenMemory;
            var plain = new FanoutRecord[indexes.Count];
            for (var n = 0; n < plain.Length; n++)
            {
                plain[n] = new FanoutRecord(n, -1, keys[n], null, data.Slice(extents[n].Start, extents[n].Length));
            }

            // The typed form comes from the full reader, on first use only (its batches are in the same order).
            var index = b;
            var arn = order[b];
            var batch = new SourceBatch(arn, SourceKind.DynamoDbStreams, sequences, () => TypedRecords(full.Value, index, arn), () => plain);
            if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var segment) && segment.Array is { } pooled)
            {
                batch.OwnPooledBuffer(pooled);
            }

            batches.Add(batch);
        }

        return batches;
    }

    private static FanoutRecord[] TypedRecords(IReadOnlyList<SourceBatch> full, int index, string arn) =>
        index < full.Count && full[index].SourceArn == arn && full[index].ReadProblems.Length == 0
            ? full[index].Records
            : throw new InvalidOperationException($"The DynamoDB Streams event read in full does not match its fast read for source {arn}; this is a bug in Fanout's reader.");

    private static int Length(Range? range) => range is { } r ? r.End.Value - r.Start.Value : 0;

    /// <summary>What <see cref="DynamoDbRecordJson.Write"/> writes in plain form, field for field.</summary>
    private static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> json, in Scanned record, List<Range> names)
    {
        writer.WriteStartObject();
        writer.WriteString("eventName", record.EventName);
        writer.WriteString("eventID", record.EventId);
        writer.WriteString("eventSourceARN", record.Arn);
        WriteImage(writer, "Keys", json, record.Keys, names);
        WriteImage(writer, "NewImage", json, record.NewImage, names);
        WriteImage(writer, "OldImage", json, record.OldImage, names);
        writer.WriteString("SequenceNumber", record.Sequence);
        writer.WritePropertyName("ApproximateCreationDateTime");
        writer.WriteRawValue(record.CreationTime.ToString("R", CultureInfo.InvariantCulture));
        if (record.StreamViewType is not null)
        {
            writer.WriteString("StreamViewType", record.StreamViewType);
        }

        writer.WriteEndObject();
    }

    /// <summary>What <see cref="DynamoDbRecordJson.KeyText"/> returns: the keys sorted by name, compact plain JSON.</summary>
    private static string KeyText(ReadOnlySpan<byte> json, in Scanned record, ArrayBufferWriter<byte> buffer, List<Range> names)
    {
        if (record.Keys is not { } range)
        {
            return record.EventId ?? "";
        }

        var keys = json[range];
        var reader = new Utf8JsonReader(keys, s_options);
        reader.Read();
        var found = new List<(string Name, Range Value)>(2);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (found.Exists(k => k.Name == name))
            {
                throw new JsonException("Repeated key name.");
            }

            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            found.Add((name, new Range(start, (int)reader.BytesConsumed)));
        }

        if (found.Count == 0)
        {
            return record.EventId ?? "";
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in found)
            {
                writer.WritePropertyName(name);
                var valueReader = new Utf8JsonReader(keys[value], s_options);
                valueReader.Read();
                WriteValue(ref valueReader, writer, keys[value], names);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteImage(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> json, Range? range, List<Range> names)
    {
        if (range is not { } image)
        {
            return;
        }

        writer.WritePropertyName(name);
        var reader = new Utf8JsonReader(json[image], s_options);
        reader.Read();
        WriteMap(ref reader, writer, json[image], names);
    }

    /// <summary>An item or M value as a plain object; <paramref name="names"/> holds the names seen, per level, to refuse repeats.</summary>
    private static void WriteMap(ref Utf8JsonReader reader, Utf8JsonWriter writer, ReadOnlySpan<byte> json, List<Range> names)
    {
        Require(ref reader, JsonTokenType.StartObject);
        var mark = names.Count;
        writer.WriteStartObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped || names.Count - mark >= MaxAttributesPerMap)
            {
                throw new JsonException("Escaped attribute name or too many attributes for the fast path.");
            }

            var name = reader.ValueSpan;
            RequireUtf8(name);
            for (var i = mark; i < names.Count; i++)
            {
                if (json[names[i]].SequenceEqual(name))
                {
                    throw new JsonException("Repeated attribute name.");
                }
            }

            var start = (int)reader.TokenStartIndex + 1;
            names.Add(new Range(start, start + name.Length));
            writer.WritePropertyName(name);
            reader.Read();
            WriteValue(ref reader, writer, json, names);
        }

        names.RemoveRange(mark, names.Count - mark);
        writer.WriteEndObject();
    }

    /// <summary>One typed attribute value as plain JSON, with the full reader's rules (exactly one known descriptor).</summary>
    private static void WriteValue(ref Utf8JsonReader reader, Utf8JsonWriter writer, ReadOnlySpan<byte> json, List<Range> names)
    {
        Require(ref reader, JsonTokenType.StartObject);
        reader.Read();
        Require(ref reader, JsonTokenType.PropertyName);
        if (reader.ValueTextEquals("S"u8))
        {
            reader.Read();
            WriteString(ref reader, writer);
        }
        else if (reader.ValueTextEquals("N"u8))
        {
            reader.Read();
            WriteNumber(ref reader, writer);
        }
        else if (reader.ValueTextEquals("B"u8))
        {
            reader.Read();
            WriteBinary(ref reader, writer);
        }
        else if (reader.ValueTextEquals("SS"u8) || reader.ValueTextEquals("NS"u8) || reader.ValueTextEquals("BS"u8))
        {
            var kind = reader.ValueSpan.Length == 2 ? reader.ValueSpan[0] : (byte)reader.GetString()![0];
            reader.Read();
            Require(ref reader, JsonTokenType.StartArray);
            writer.WriteStartArray();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                switch (kind)
                {
                    case (byte)'S':
                        WriteString(ref reader, writer);
                        break;
                    case (byte)'N':
                        WriteNumber(ref reader, writer);
                        break;
                    default:
                        WriteBinary(ref reader, writer);
                        break;
                }
            }

            writer.WriteEndArray();
        }
        else if (reader.ValueTextEquals("M"u8))
        {
            reader.Read();
            WriteMap(ref reader, writer, json, names);
        }
        else if (reader.ValueTextEquals("L"u8))
        {
            reader.Read();
            Require(ref reader, JsonTokenType.StartArray);
            writer.WriteStartArray();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                WriteValue(ref reader, writer, json, names);
            }

            writer.WriteEndArray();
        }
        else if (reader.ValueTextEquals("NULL"u8))
        {
            reader.Read();
            Require(ref reader, JsonTokenType.True);
            writer.WriteNullValue();
        }
        else if (reader.ValueTextEquals("BOOL"u8))
        {
            reader.Read();
            writer.WriteBooleanValue(reader.GetBoolean());
        }
        else
        {
            throw new JsonException("Unknown type descriptor.");
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("More than one type descriptor.");
        }
    }

    /// <summary>Unescaped text goes through as UTF-8 once it is known to be UTF-8 (the writer escapes it as it would the string).</summary>
    private static void WriteString(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        Require(ref reader, JsonTokenType.String);
        if (reader.ValueIsEscaped)
        {
            writer.WriteStringValue(reader.GetString());
        }
        else
        {
            RequireUtf8(reader.ValueSpan);
            writer.WriteStringValue(reader.ValueSpan);
        }
    }

    /// <summary>
    /// Bytes that are not UTF-8 go to the full reader: the writer would not refuse them but put U+FFFD in their place,
    /// while the full reader makes that record a problem of its own (found by SourceReaderPropertyTests).
    /// </summary>
    private static void RequireUtf8(ReadOnlySpan<byte> text)
    {
        if (!System.Text.Unicode.Utf8.IsValid(text))
        {
            throw new JsonException("Text that is not UTF-8 for the fast path.");
        }
    }

    /// <summary>Numbers verbatim, never through a double, by the same rule as the full reader.</summary>
    private static void WriteNumber(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        Require(ref reader, JsonTokenType.String);
        if (!DynamoDbNumber.TryToJsonNumber(reader.GetString(), out var number))
        {
            throw new JsonException("Not a DynamoDB number.");
        }

        writer.WriteRawValue(number);
    }

    private static void WriteBinary(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        Require(ref reader, JsonTokenType.String);
        writer.WriteBase64StringValue(reader.TryGetBytesFromBase64(out var bytes) ? bytes : throw new JsonException("Not base64."));
    }

    private static void Require(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"{type} expected.");
        }
    }
}
