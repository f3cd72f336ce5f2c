using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;

namespace IotRegistry.Input;

/// <summary>
/// Parses untrusted JSON into a document with a size cap, a depth cap and one object at the root whose
/// property names are unique (a repeated name could otherwise mean different things to different readers).
/// </summary>
internal static class JsonInput
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    public static bool TryParseObject(
        ReadOnlyMemory<byte> json,
        int maxBytes,
        [NotNullWhen(true)] out JsonDocument? document,
        [NotNullWhen(false)] out InputError? error)
    {
        document = null;
        if (json.Length > maxBytes)
        {
            error = new InputError(InputErrorCodes.TooLarge, null, $"The input is larger than {maxBytes} bytes.");
            return false;
        }

        // The parser checks UTF-8 in string values only when they are read; refuse malformed input up front.
        if (!Utf8.IsValid(json.Span))
        {
            error = new InputError(InputErrorCodes.InvalidJson, null, "The input is not valid UTF-8.");
            return false;
        }

        try
        {
            document = JsonDocument.Parse(json, s_options);
        }
        catch (JsonException)
        {
            error = new InputError(InputErrorCodes.InvalidJson, null, "The input is not valid JSON.");
            return false;
        }

        if (!TryCheckObject(document.RootElement, out error))
        {
            document.Dispose();
            document = null;
            return false;
        }

        return true;
    }

    /// <summary>True when <paramref name="element"/> is an object without repeated property names.</summary>
    public static bool TryCheckObject(JsonElement element, [NotNullWhen(false)] out InputError? error)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = new InputError(InputErrorCodes.InvalidJson, null, "The input must be a JSON object.");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                error = new InputError(InputErrorCodes.DuplicateField, property.Name, $"The field '{property.Name}' appears more than once.");
                return false;
            }
        }

        error = null;
        return true;
    }
}
