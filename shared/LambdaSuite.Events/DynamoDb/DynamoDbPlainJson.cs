using System.Text;
using System.Text.Json;

namespace LambdaSuite.Events.DynamoDb;

/// <summary>
/// Writes DynamoDB items as ordinary JSON for consumers that do not speak the typed form: numbers verbatim as JSON
/// numbers (<c>{"price":1.50}</c>, never rounded through a double), binary as base64 strings, sets as arrays,
/// maps as objects, lists as arrays, NULL as null.
/// </summary>
public static class DynamoDbPlainJson
{
    public static byte[] ToUtf8Json(IReadOnlyDictionary<string, DynamoDbAttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteItem(writer, item);
        }

        return buffer.ToArray();
    }

    public static string ToJsonString(IReadOnlyDictionary<string, DynamoDbAttributeValue> item) =>
        Encoding.UTF8.GetString(ToUtf8Json(item));

    public static void WriteItem(Utf8JsonWriter writer, IReadOnlyDictionary<string, DynamoDbAttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(item);
        writer.WriteStartObject();
        foreach (var (name, value) in item)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, DynamoDbAttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        switch (value.Kind)
        {
            case DynamoDbAttributeKind.String:
                writer.WriteStringValue(value.Text);
                break;
            case DynamoDbAttributeKind.Number:
                WriteNumber(writer, value.Text!);
                break;
            case DynamoDbAttributeKind.Binary:
                writer.WriteBase64StringValue(value.Binary);
                break;
            case DynamoDbAttributeKind.StringSet:
                writer.WriteStartArray();
                foreach (var text in value.TextSet!)
                {
                    writer.WriteStringValue(text);
                }

                writer.WriteEndArray();
                break;
            case DynamoDbAttributeKind.NumberSet:
                writer.WriteStartArray();
                foreach (var text in value.TextSet!)
                {
                    WriteNumber(writer, text);
                }

                writer.WriteEndArray();
                break;
            case DynamoDbAttributeKind.BinarySet:
                writer.WriteStartArray();
                foreach (var bytes in value.BinarySet!)
                {
                    writer.WriteBase64StringValue(bytes);
                }

                writer.WriteEndArray();
                break;
            case DynamoDbAttributeKind.Map:
                WriteItem(writer, value.Map!);
                break;
            case DynamoDbAttributeKind.List:
                writer.WriteStartArray();
                foreach (var element in value.List!)
                {
                    WriteValue(writer, element);
                }

                writer.WriteEndArray();
                break;
            case DynamoDbAttributeKind.Null:
                writer.WriteNullValue();
                break;
            case DynamoDbAttributeKind.Bool:
                writer.WriteBooleanValue(value.Bool);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "Unknown attribute kind.");
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string text)
    {
        if (!DynamoDbNumber.TryToJsonNumber(text, out var json))
        {
            throw new FormatException($"'{text}' is not a DynamoDB number.");
        }

        writer.WriteRawValue(json);
    }
}
