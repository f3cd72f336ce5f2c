using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaSuite.Events.DynamoDb;

/// <summary>
/// Reads and writes DynamoDB's typed attribute JSON by hand: the shape is a one-property object whose name is the
/// type, which no generated serializer maps to one class, and numbers must never pass through a double.
/// Anything but exactly one known descriptor is a <see cref="JsonException"/>.
/// </summary>
public sealed class DynamoDbAttributeValueJsonConverter : JsonConverter<DynamoDbAttributeValue>
{
    /// <summary>A JSON null where a value belongs (<c>"x": null</c> in an image) comes to <see cref="Read"/> and is refused there, instead of becoming a null value that a writer meets later.</summary>
    public override bool HandleNull => true;

    public override DynamoDbAttributeValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A DynamoDB attribute value must be a JSON object.");
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException("A DynamoDB attribute value needs a type descriptor (S, N, B, SS, NS, BS, M, L, NULL, BOOL).");
        }

        var descriptor = reader.GetString();
        reader.Read();
        var value = descriptor switch
        {
            "S" => DynamoDbAttributeValue.FromString(ReadString(ref reader)),
            "N" => DynamoDbAttributeValue.FromNumber(ReadNumber(ref reader)),
            "B" => DynamoDbAttributeValue.FromBinary(ReadBinary(ref reader)),
            "SS" => DynamoDbAttributeValue.FromStringSet(ReadArray(ref reader, static (ref Utf8JsonReader r) => ReadString(ref r))),
            "NS" => DynamoDbAttributeValue.FromNumberSet(ReadArray(ref reader, static (ref Utf8JsonReader r) => ReadNumber(ref r))),
            "BS" => DynamoDbAttributeValue.FromBinarySet(ReadArray(ref reader, static (ref Utf8JsonReader r) => ReadBinary(ref r))),
            "M" => DynamoDbAttributeValue.FromMap(ReadMap(ref reader, options)),
            "L" => DynamoDbAttributeValue.FromList(ReadList(ref reader, options)),
            "NULL" => ReadNull(ref reader),
            "BOOL" => DynamoDbAttributeValue.FromBool(ReadBool(ref reader)),
            _ => throw new JsonException($"Unknown DynamoDB type descriptor '{descriptor}'."),
        };

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("A DynamoDB attribute value must hold exactly one type descriptor.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DynamoDbAttributeValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        switch (value.Kind)
        {
            case DynamoDbAttributeKind.String:
                writer.WriteString("S"u8, value.Text);
                break;
            case DynamoDbAttributeKind.Number:
                writer.WriteString("N"u8, value.Text);
                break;
            case DynamoDbAttributeKind.Binary:
                writer.WriteBase64String("B"u8, value.Binary);
                break;
            case DynamoDbAttributeKind.StringSet:
            case DynamoDbAttributeKind.NumberSet:
                writer.WriteStartArray(value.Kind == DynamoDbAttributeKind.StringSet ? "SS"u8 : "NS"u8);
                foreach (var text in value.TextSet!)
                {
                    writer.WriteStringValue(text);
                }

                writer.WriteEndArray();
                break;
            case DynamoDbAttributeKind.BinarySet:
                writer.WriteStartArray("BS"u8);
                foreach (var bytes in value.BinarySet!)
                {
                    writer.WriteBase64StringValue(bytes);
                }

                writer.WriteEndArray();
                break;
            case DynamoDbAttributeKind.Map:
                writer.WritePropertyName("M"u8);
                writer.WriteStartObject();
                foreach (var (name, item) in value.Map!)
                {
                    writer.WritePropertyName(name);
                    Write(writer, item, options);
                }

                writer.WriteEndObject();
                break;
            case DynamoDbAttributeKind.List:
                writer.WriteStartArray("L"u8);
                foreach (var item in value.List!)
                {
                    Write(writer, item, options);
                }

                writer.WriteEndArray();
                break;
            case DynamoDbAttributeKind.Null:
                writer.WriteBoolean("NULL"u8, true);
                break;
            case DynamoDbAttributeKind.Bool:
                writer.WriteBoolean("BOOL"u8, value.Bool);
                break;
            default:
                throw new JsonException($"Unknown attribute kind {value.Kind}.");
        }

        writer.WriteEndObject();
    }

    private delegate T ElementReader<T>(ref Utf8JsonReader reader);

    private static string ReadString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"Expected a JSON string, found {reader.TokenType}.");

    private static string ReadNumber(ref Utf8JsonReader reader)
    {
        var text = ReadString(ref reader);
        return DynamoDbNumber.IsValid(text) ? text : throw new JsonException($"'{text}' is not a DynamoDB number.");
    }

    private static byte[] ReadBinary(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a base64 string, found {reader.TokenType}.");
        }

        return reader.TryGetBytesFromBase64(out var bytes) ? bytes : throw new JsonException("Binary attribute is not valid base64.");
    }

    private static bool ReadBool(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new JsonException($"Expected true or false, found {reader.TokenType}."),
    };

    private static DynamoDbAttributeValue ReadNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.True
            ? DynamoDbAttributeValue.Null
            : throw new JsonException("NULL must be true.");

    private static List<T> ReadArray<T>(ref Utf8JsonReader reader, ElementReader<T> readElement)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a JSON array, found {reader.TokenType}.");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(readElement(ref reader));
        }

        return items;
    }

    private List<DynamoDbAttributeValue> ReadList(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"L expects a JSON array, found {reader.TokenType}.");
        }

        var items = new List<DynamoDbAttributeValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(Read(ref reader, typeof(DynamoDbAttributeValue), options));
        }

        return items;
    }

    private Dictionary<string, DynamoDbAttributeValue> ReadMap(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"M expects a JSON object, found {reader.TokenType}.");
        }

        var map = new Dictionary<string, DynamoDbAttributeValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            map[name] = Read(ref reader, typeof(DynamoDbAttributeValue), options);
        }

        return map;
    }
}
