using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LambdaSuite.Events;
using LambdaSuite.Events.DynamoDb;
using LambdaSuite.Runtime;

namespace Fanout.Records;

/// <summary>
/// Reads a DynamoDB Streams event so that one record that cannot be read fails alone. The whole event is read in one
/// pass while every record is good; when one is not, the records are read one by one and each bad one becomes a
/// <see cref="RecordProblemKind.Undecodable"/> problem that names it (source, sequence number, its JSON as data).
/// </summary>
internal static class DynamoDbEventReader
{
    /// <summary>DynamoDB's own limit: the top-level attribute is level 1, and an item may nest to level 32.</summary>
    public const int MaxItemLevels = 32;

    /// <summary>
    /// JSON depth of the deepest legal record: its object, <c>dynamodb</c> and the image (3), then two levels per item
    /// level (the attribute value object and the <c>M</c>/<c>L</c> object or the set's array inside it).
    /// </summary>
    public const int MaxRecordDepth = 3 + (2 * MaxItemLevels);

    /// <summary>The event's object and its <c>Records</c> array wrap every record.</summary>
    public const int MaxEventDepth = 2 + MaxRecordDepth;

    private static readonly JsonTypeInfo<DynamoDbStreamEvent> s_event =
        new EventsJsonContext(new JsonSerializerOptions { MaxDepth = MaxEventDepth }).DynamoDbStreamEvent;

    private static readonly JsonTypeInfo<DynamoDbStreamEventRecord> s_record =
        new EventsJsonContext(new JsonSerializerOptions { MaxDepth = MaxRecordDepth }).DynamoDbStreamEventRecord;

    private static readonly JsonReaderOptions s_scan = new() { MaxDepth = int.MaxValue };

    /// <summary>One event record: read, or not readable with the reason (its source and sequence number still known).</summary>
    public readonly record struct Entry(DynamoDbStreamEventRecord? Record, string Arn, string Sequence, ReadOnlyMemory<byte> Json, string? Problem);

    /// <summary>The fast path when the event allows it (see <see cref="DynamoDbPlainReader"/>), else the full read.</summary>
    public static IReadOnlyList<SourceBatch> Read(ReadOnlyMemory<byte> eventJson) =>
        DynamoDbPlainReader.TryRead(eventJson, () => ReadFull(eventJson)) ?? ReadFull(eventJson);

    /// <summary>Every record as objects: the whole event in one pass while it is good, else record by record.</summary>
    public static IReadOnlyList<SourceBatch> ReadFull(ReadOnlyMemory<byte> eventJson)
    {
        DynamoDbStreamEvent? whole = null;
        try
        {
            whole = JsonSerializer.Deserialize(eventJson.Span, s_event);
        }
        catch (JsonException)
        {
            // Some record is bad (or the event is): read them one by one below, so the others still go out.
        }

        if (whole is not null)
        {
            return SourceReader.FromDynamoDb(whole);
        }

        return SourceReader.FromEntries(ReadOneByOne(eventJson));
    }

    private static List<Entry> ReadOneByOne(ReadOnlyMemory<byte> eventJson)
    {
        var entries = new List<Entry>();
        try
        {
            var reader = new Utf8JsonReader(eventJson.Span, s_scan);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidEventException("A DynamoDB Streams event must be a JSON object with a Records array.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRecords = reader.ValueTextEquals("Records"u8);
                reader.Read();
                if (!isRecords || reader.TokenType == JsonTokenType.Null)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new InvalidEventException("The Records field of a DynamoDB Streams event must be an array.");
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    var end = (int)reader.BytesConsumed;
                    entries.Add(ReadRecord(eventJson[start..end]));
                }
            }
        }
        catch (JsonException e)
        {
            throw new InvalidEventException($"The DynamoDB Streams event of {eventJson.Length} bytes is not well-formed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).", e);
        }

        return entries;
    }

    private static Entry ReadRecord(ReadOnlyMemory<byte> json)
    {
        string? problem;
        try
        {
            var record = JsonSerializer.Deserialize(json.Span, s_record);
            if (record is not null)
            {
                return new Entry(record, record.EventSourceArn ?? "", record.DynamoDb?.SequenceNumber ?? "", json, null);
            }

            problem = "the record is JSON null";
        }
        catch (JsonException e)
        {
            problem = e.Path is { } path ? $"{OwnText(e)} (at {path})" : OwnText(e);
        }

        var facts = Facts(json.Span);
        if (facts.Containers > MaxRecordDepth)
        {
            problem = $"the record is nested too deep: {facts.Containers} JSON levels, more than the {MaxRecordDepth} of an item nested {MaxItemLevels} levels, DynamoDB's own limit";
        }

        return new Entry(null, facts.Arn ?? "", facts.Sequence ?? "", json, $"DynamoDB record {facts.Sequence} cannot be read: {problem}.");
    }

    /// <summary>
    /// The attribute converter's messages are sentences of this project; anything else the serializer raises is
    /// described here, since a trimmed build carries resource keys instead of the framework's texts.
    /// </summary>
    private static string OwnText(JsonException e) =>
        e.InnerException is null && !ErrorText.LooksLikeResourceKey(e.Message) && e.Message.Contains(' ', StringComparison.Ordinal) && !e.Message.Contains("Path:", StringComparison.Ordinal) && e.Message.Length < 300
            ? e.Message.TrimEnd('.')
            : "a field has the wrong JSON type or is not valid JSON";

    /// <summary>The record's source and sequence number, and how many containers deep it goes, read without any depth limit.</summary>
    private static (string? Arn, string? Sequence, int Containers) Facts(ReadOnlySpan<byte> json)
    {
        string? arn = null, sequence = null;
        var containers = 0;
        var inStreamRecord = false;
        var reader = new Utf8JsonReader(json, s_scan);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        containers = Math.Max(containers, reader.CurrentDepth + 1);
                        break;
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                        inStreamRecord = reader.ValueTextEquals("dynamodb"u8);
                        if (reader.ValueTextEquals("eventSourceARN"u8) && reader.Read() && reader.TokenType == JsonTokenType.String)
                        {
                            arn = reader.GetString();
                        }

                        break;
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 2 && inStreamRecord:
                        if (reader.ValueTextEquals("SequenceNumber"u8) && reader.Read() && reader.TokenType == JsonTokenType.String)
                        {
                            sequence = reader.GetString();
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The slice was checked by the event's reader; nothing more to learn from it.
        }
        catch (InvalidOperationException)
        {
            // The source or sequence number is not UTF-8 (the reader checks that only when a string is read as
            // text): it stays unknown, and the record cannot be named, as when it is missing.
        }

        return (arn, sequence, containers);
    }
}
