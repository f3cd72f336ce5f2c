using System.Text.Json;

namespace IotRegistry.Input;

/// <summary>
/// Reads typed fields from one JSON object and keeps the first problem, so a parser reads every field in a
/// straight line and checks <see cref="Error"/> once. After an error every further read returns null.
/// </summary>
internal sealed class JsonFieldReader(JsonElement obj)
{
    public InputError? Error { get; private set; }

    /// <summary>A reader with no JSON object behind it, for values from elsewhere (URL path segments) via <see cref="Check"/>.</summary>
    public static JsonFieldReader ForValues() => new(default);

    public string? RequiredString(string name, FieldRule rule) => ReadString(name, rule, required: true);

    public string? OptionalString(string name, FieldRule rule) => ReadString(name, rule, required: false);

    /// <summary>A boolean given as JSON true/false or as the strings "true"/"false" (the peer's payload sends strings).</summary>
    public bool? OptionalBoolean(string name)
    {
        if (Error is not null || !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String when value.ValueEquals("true"u8):
                return true;
            case JsonValueKind.String when value.ValueEquals("false"u8):
                return false;
            default:
                Fail(InputErrorCodes.WrongType, name, $"The field '{name}' must be true or false.");
                return null;
        }
    }

    /// <summary>A JSON number that fits in a long (the rule's <c>timestamp()</c>, in milliseconds).</summary>
    public long? OptionalInteger(string name)
    {
        if (Error is not null || !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        Fail(InputErrorCodes.WrongType, name, $"The field '{name}' must be an integer.");
        return null;
    }

    private string? ReadString(string name, FieldRule rule, bool required)
    {
        if (Error is not null)
        {
            return null;
        }

        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Fail(InputErrorCodes.MissingField, name, $"The field '{name}' is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(InputErrorCodes.WrongType, name, $"The field '{name}' must be a string.");
            return null;
        }

        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (e.g. "\ud800") cannot become a .NET string.
            Fail(InputErrorCodes.InvalidField, name, $"The field '{name}' is not valid Unicode.");
            return null;
        }

        return Check(name, text, rule);
    }

    /// <summary>Applies <paramref name="rule"/> to a value that came from somewhere other than JSON (a URL path segment).</summary>
    public string? Check(string name, string text, FieldRule rule)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rule);
        if (Error is not null)
        {
            return null;
        }

        if (text.Length > rule.MaxLength)
        {
            Fail(InputErrorCodes.FieldTooLong, name, $"The field '{name}' is longer than {rule.MaxLength} characters.");
            return null;
        }

        if (text.Length < rule.MinLength || !rule.IsAllowed(text))
        {
            Fail(rule.InvalidCode, name, $"The field '{name}' must be {rule.Describe}.");
            return null;
        }

        return text;
    }

    private void Fail(string code, string field, string message) => Error = new InputError(code, field, message);
}
