using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using LambdaSuite.Events;
using LambdaSuite.Runtime;

namespace Fanout.Records;

/// <summary>
/// Reads a Kinesis event with <see cref="Utf8JsonReader"/> straight into <see cref="FanoutRecord"/>s: only the partition
/// key and the source ARN become strings (one per distinct value, <see cref="RepeatedStringCache"/>); sequence numbers
/// stay ranges of the event until asked for (<see cref="SequenceNumberList"/>); each record's base64 data is checked
/// as soon as its token is read (while it is in cache) and decoded only when a target reads it
/// (<see cref="LazyBase64Data"/>), and the token is kept as a range of the event so a Kinesis target can copy it
/// through.
/// </summary>
internal static class KinesisEventReader
{
    /// <summary>Marks escaped data that is not base64 (<see cref="Parsed.Unescaped"/>): that record alone fails.</summary>
    private static readonly byte[] s_badData = new byte[1];

    /// <summary>The base64 alphabet without the padding character.</summary>
    private static readonly SearchValues<byte> s_base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8);

    /// <summary>
    /// One record's fields; the event ID and the sequence number stay ranges of the event (read as text only when
    /// asked), the latter read as a string here only when it is escaped or not ASCII (<c>SequenceText</c>).
    /// </summary>
    private readonly record struct Parsed(string Arn, Range Sequence, string? SequenceText, string PartitionKey, Range Token, byte[]? Unescaped, Range EventId);

    public static IReadOnlyList<SourceBatch> Read(ReadOnlyMemory<byte> eventJson)
    {
        // The parsed fields live in a pooled array (56 B a record, 480 KB for 10,000; a growing list put each doubling
        // on the large object heap), sized from the event (a record takes over 1 KB of it at the usual sizes) and
        // returned once the batches hold what they need.
        var parsed = new PooledArrayList<Parsed>(eventJson.Length / 1024);
        try
        {
            return ReadInto(eventJson, ref parsed);
        }
        finally
        {
            parsed.Return();
        }
    }

    private static List<SourceBatch> ReadInto(ReadOnlyMemory<byte> eventJson, ref PooledArrayList<Parsed> parsed)
    {
        try
        {
            var reader = new Utf8JsonReader(eventJson.Span);
            var arns = new RepeatedStringCache();
            var keys = new RepeatedStringCache();
            Expect(ref reader, JsonTokenType.StartObject);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("Records"u8))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                RequireToken(ref reader, JsonTokenType.StartArray);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    parsed.Add(ReadRecord(ref reader, eventJson.Span, arns, keys));
                }
            }
        }
        catch (JsonException e)
        {
            throw new InvalidEventException($"The Kinesis event of {eventJson.Length} bytes cannot be read: {ErrorText.Of(e)}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // A field of the wrong JSON type (a number as partitionKey) or escaped data that is not base64.
            throw new InvalidEventException($"The Kinesis event of {eventJson.Length} bytes has a field of the wrong JSON type or encoding: {ErrorText.Of(e)}", e);
        }

        return Group(eventJson, parsed.Items);
    }

    private static Parsed ReadRecord(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, RepeatedStringCache arns, RepeatedStringCache keys)
    {
        RequireToken(ref reader, JsonTokenType.StartObject);
        string? arn = null, sequenceText = null, partitionKey = null;
        Range? sequence = null;
        Range eventId = default;
        Range token = default;
        byte[]? unescaped = null;
        var hasKinesis = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("kinesis"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                RequireToken(ref reader, JsonTokenType.StartObject);
                hasKinesis = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("partitionKey"u8))
                    {
                        reader.Read();
                        partitionKey = keys.Read(ref reader);
                    }
                    else if (reader.ValueTextEquals("sequenceNumber"u8))
                    {
                        reader.Read();
                        (sequence, sequenceText) = SequenceToken(ref reader);
                    }
                    else if (reader.ValueTextEquals("data"u8))
                    {
                        reader.Read();
                        (token, unescaped) = DataToken(ref reader);
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("eventSourceARN"u8))
            {
                reader.Read();
                arn = arns.Read(ref reader);
            }
            else if (reader.ValueTextEquals("eventID"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    var start = (int)reader.TokenStartIndex + 1;
                    eventId = new Range(start, start + reader.ValueSpan.Length);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!hasKinesis)
        {
            throw new InvalidEventException($"Kinesis record {Text(json, eventId)} has no kinesis object.");
        }

        if (sequence is null && sequenceText is null)
        {
            throw new InvalidEventException($"Kinesis record {Text(json, eventId)} has no sequenceNumber.");
        }

        return new Parsed(
            arn ?? "",
            sequence ?? default,
            sequenceText,
            partitionKey ?? "",
            token,
            unescaped,
            eventId);
    }

    private static string Text(ReadOnlySpan<byte> json, Range range) => System.Text.Encoding.UTF8.GetString(json[range]);

    /// <summary>
    /// The sequence number's range in the event when its bytes are plain ASCII (as Kinesis writes them: digits), else
    /// the string <see cref="Utf8JsonReader.GetString"/> reads (null for a JSON null, an error for another type).
    /// </summary>
    private static (Range? Range, string? Text) SequenceToken(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence && System.Text.Ascii.IsValid(reader.ValueSpan))
        {
            var start = (int)reader.TokenStartIndex + 1;
            return (new Range(start, start + reader.ValueSpan.Length), null);
        }

        return (null, reader.GetString());
    }

    /// <summary>
    /// The data token's range in the event (quotes included), its text checked as base64 here, while it is in cache.
    /// Escaped text (legal, never sent by Lambda), and text the decoder takes only because it skips whitespace, is
    /// decoded to an array of its own instead, so a Kinesis target encodes it again rather than forward the spaces.
    /// When the text does not decode, the token's range is kept with <see cref="s_badData"/>, so that record alone fails.
    /// </summary>
    private static (Range Token, byte[]? Unescaped) DataToken(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return (default, []);
        }

        RequireToken(ref reader, JsonTokenType.String);
        var start = (int)reader.TokenStartIndex;
        var token = new Range(start, start + reader.ValueSpan.Length + 2);
        if (reader.ValueIsEscaped)
        {
            return reader.TryGetBytesFromBase64(out var bytes) ? (default, bytes) : (token, s_badData);
        }

        if (IsBase64(reader.ValueSpan))
        {
            return (token, null);
        }

        var decoded = new byte[reader.ValueSpan.Length / 4 * 3 + 3];
        return Base64.DecodeFromUtf8(reader.ValueSpan, decoded, out _, out var written) == OperationStatus.Done ? (default, decoded[..written]) : (token, s_badData);
    }

    /// <summary>
    /// True for canonical base64: whole groups of four, the alphabet, at most two <c>=</c> at the end, and no bits
    /// set past the data in the last character before them (the decoder refuses those too). What
    /// <see cref="Base64.DecodeFromUtf8(ReadOnlySpan{byte}, Span{byte}, out int, out int, bool)"/> decodes besides is
    /// the same with whitespace in it. One vectorized scan, cheaper than decoding; the decode waits until a target
    /// reads the bytes.
    /// </summary>
    internal static bool IsBase64(ReadOnlySpan<byte> text)
    {
        if (text.Length % 4 != 0)
        {
            return false;
        }

        var padding = text.Length == 0 || text[^1] != (byte)'=' ? 0 : text[^2] == (byte)'=' ? 2 : 1;
        var body = text[..^padding];
        return body.IndexOfAnyExcept(s_base64Alphabet) < 0
            && (padding == 0 || (SextetOf(body[^1]) & (padding == 1 ? 0b11 : 0b1111)) == 0);
    }

    /// <summary>The six bits a base64 alphabet character stands for.</summary>
    private static int SextetOf(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'+' => 62,
        _ => 63,
    };

    /// <summary>A string token's text; empty for a record without a data field (its token range is empty).</summary>
    private static ReadOnlySpan<byte> Unquoted(ReadOnlySpan<byte> token) => token.Length >= 2 ? token[1..^1] : default;

    /// <summary>Bytes checked base64 text decodes to: three per group of four, less the padding.</summary>
    private static int DecodedLength(ReadOnlySpan<byte> text) =>
        text.Length / 4 * 3 - (text.Length == 0 || text[^1] != (byte)'=' ? 0 : text[^2] == (byte)'=' ? 2 : 1);

    private static List<SourceBatch> Group(ReadOnlyMemory<byte> eventJson, ReadOnlySpan<Parsed> parsed)
    {
        var groups = GroupBySource(parsed);
        var batches = new List<SourceBatch>(groups.Count);
        foreach (var (arn, indexes) in groups)
        {
            if (arn.Length == 0)
            {
                throw new InvalidEventException("Stream record has no eventSourceARN.");
            }

            var count = indexes?.Count ?? parsed.Length;

            // One pooled buffer for every record's data: 10,000 records cost no allocation of their own, and a large
            // batch does not put a fresh array on the large object heap per invocation (the batch returns it). It is
            // filled only when a target reads the bytes; until then each record knows its data's length.
            var size = DecodedSize(eventJson.Span, parsed, indexes);
            var arena = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
            var data = new LazyBase64Data(arena, size);
            var used = 0;

            // Sequence number ranges first, event ID ranges after them, in one pooled array the batch returns: two
            // fresh 80 KB arrays per invocation were alive to the end of it, copied by every collection meanwhile.
            var ranges = ArrayPool<Range>.Shared.Rent(Math.Max(2 * count, 1));
            string?[]? sequenceTexts = null;
            var records = new FanoutRecord[count];
            var kept = 0;
            List<RecordProblem>? problems = null;
            for (var n = 0; n < count; n++)
            {
                var item = parsed[indexes?[n] ?? n];
                ranges[n] = item.Sequence;
                if (item.SequenceText is { } sequenceText)
                {
                    (sequenceTexts ??= new string?[count])[n] = sequenceText;
                }

                ranges[count + n] = item.EventId;
            }

            var sequences = new SequenceNumberList(eventJson, ranges, sequenceTexts, count);
            for (var n = 0; n < count; n++)
            {
                var item = parsed[indexes?[n] ?? n];
                if (item.Unescaped is { } raw && !ReferenceEquals(raw, s_badData))
                {
                    records[kept++] = new FanoutRecord(n, -1, item.PartitionKey, null, raw);
                    continue;
                }

                var quoted = eventJson[item.Token];
                if (ReferenceEquals(item.Unescaped, s_badData))
                {
                    // One record's bad data fails that record alone: its text goes to the dead letter as received.
                    var text = quoted.Length >= 2 ? quoted[1..^1] : default;
                    (problems ??= []).Add(new RecordProblem(RecordProblemKind.Undecodable, n, -1, item.PartitionKey, text, $"Kinesis record {sequences[n]} cannot be read: its data is not base64."));
                    continue;
                }

                var length = DecodedLength(Unquoted(quoted.Span));
                records[kept++] = new FanoutRecord(n, -1, item.PartitionKey, null, data.Slice(used, length)) { QuotedBase64Data = quoted };
                used += length;
            }

            // Records that could not be read leave the array shorter (rare: only then is it copied).
            records = kept == records.Length ? records : records[..kept];
            data.Attach(records);
            var batch = new SourceBatch(arn, SourceKind.Kinesis, sequences, records) { ReadProblems = problems is null ? [] : [.. problems], EventIdOf = n => Text(eventJson.Span, ranges[count + n]) };
            batch.OwnPooledBuffer(arena);
            batch.OwnPooledRanges(ranges);
            batches.Add(batch);
        }

        return batches;
    }

    /// <summary>
    /// The records of each source ARN, in the order the ARNs first appear. An event comes from one event source
    /// mapping, so one ARN is the rule: then the group is every record (null indexes) and no index list is made.
    /// </summary>
    private static List<(string Arn, List<int>? Indexes)> GroupBySource(ReadOnlySpan<Parsed> parsed)
    {
        var first = parsed.Length > 0 ? parsed[0].Arn : "";
        var single = true;
        foreach (var item in parsed)
        {
            // The ARN strings come from one cache, so equal ARNs are mostly the same string.
            if (!ReferenceEquals(item.Arn, first) && !string.Equals(item.Arn, first, StringComparison.Ordinal))
            {
                single = false;
                break;
            }
        }

        if (single)
        {
            return parsed.Length == 0 ? [] : [(first, null)];
        }

        var order = new List<(string Arn, List<int>? Indexes)>();
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < parsed.Length; i++)
        {
            if (!members.TryGetValue(parsed[i].Arn, out var list))
            {
                members[parsed[i].Arn] = list = [];
                order.Add((parsed[i].Arn, list));
            }

            list.Add(i);
        }

        return order;
    }

    private static int DecodedSize(ReadOnlySpan<byte> json, ReadOnlySpan<Parsed> parsed, List<int>? indexes)
    {
        var size = 0;
        var count = indexes?.Count ?? parsed.Length;
        for (var n = 0; n < count; n++)
        {
            var i = indexes?[n] ?? n;
            size += parsed[i].Unescaped is null ? DecodedLength(Unquoted(json[parsed[i].Token])) : 0;
        }

        return size;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read())
        {
            throw new InvalidEventException("Kinesis event is empty.");
        }

        RequireToken(ref reader, type);
    }

    private static void RequireToken(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new InvalidEventException($"Kinesis event has {reader.TokenType} at byte {reader.TokenStartIndex} where {type} belongs.");
        }
    }
}
