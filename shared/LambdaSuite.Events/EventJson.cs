using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LambdaSuite.Events;

/// <summary>Parses an event through a source-generated type info, turning malformed JSON into one typed failure.</summary>
public static class EventJson
{
    public static bool TryParse<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo, [NotNullWhen(true)] out T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            value = JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException)
        {
            value = null;
        }

        return value is not null;
    }

    /// <summary>Throws <see cref="InvalidEventException"/> (wrapping the <see cref="JsonException"/>) on bad input.</summary>
    public static T Parse<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo)
                ?? throw new InvalidEventException($"{typeof(T).Name} event is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException(
                $"{typeof(T).Name} event of {json.Length} bytes is malformed at {ex.Path ?? "$"} (line {ex.LineNumber}, byte {ex.BytePositionInLine}): {ex.Message}",
                ex);
        }
    }

    /// <summary>
    /// For JSON that arrives inside a string field, such as an SNS notification in an SQS <c>body</c> or an SES
    /// notification in an SNS <c>Message</c>.
    /// </summary>
    public static bool TryParse<T>(string? json, JsonTypeInfo<T> typeInfo, [NotNullWhen(true)] out T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        value = null;
        return !string.IsNullOrEmpty(json) && TryParse(System.Text.Encoding.UTF8.GetBytes(json), typeInfo, out value);
    }
}
