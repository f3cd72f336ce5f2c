using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using LambdaSuite.Events.Http;

namespace ChatRelay.Input;

/// <summary>
/// Reads a HipChat v2 send body, JSON or <c>application/x-www-form-urlencoded</c> as HipChat took both, in one
/// forward pass over the bytes (a <see cref="Utf8JsonReader"/>, or a split of the form pairs): no document is built.
/// The body is bounded before it is read; fields HipChat defines but the relay has no use for (<c>card</c>,
/// <c>attach_to</c>) are skipped. Every refusal is a <see cref="HipChatInputException"/> whose sentence names the
/// field and the rule, never the value.
/// </summary>
internal static class HipChatRequestParser
{
    /// <summary>10,000 characters of UTF-8 (4 octets at most) with JSON escapes around them, and the other fields.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public const int MaxNotificationLength = 10_000;
    public const int MaxMessageLength = 1_000;

    /// <summary>HipChat v2's label limit for <c>from</c>.</summary>
    public const int MaxFromLength = 64;

    private const int MaxJsonDepth = 8;

    public static HipChatRequest Parse(HipChatRoute route, string? contentType, ReadOnlySpan<byte> body, Func<int, int> pick)
    {
        ArgumentNullException.ThrowIfNull(pick);
        if (body.Length > MaxBodyBytes)
        {
            throw new HipChatInputException($"The request body is larger than {MaxBodyBytes / 1024} KiB; a message is at most {MaxNotificationLength:N0} characters.");
        }

        if (body.IsEmpty)
        {
            throw new HipChatInputException("The request body is empty; send a JSON object (or form fields) with at least 'message'.");
        }

        if (!Utf8.IsValid(body))
        {
            throw new HipChatInputException("The request body is not valid UTF-8.");
        }

        var fields = MediaType(contentType) switch
        {
            "application/json" => ReadJson(body),
            "application/x-www-form-urlencoded" => ReadForm(body),
            // Legacy scripts (curl -d) sometimes send no type: an object is JSON, anything else form fields.
            null => FirstNonWhitespace(body) == (byte)'{' ? ReadJson(body) : ReadForm(body),
            _ when contentType!.Contains("+json", StringComparison.OrdinalIgnoreCase) => ReadJson(body),
            _ => throw new HipChatInputException("The body must be application/json or application/x-www-form-urlencoded.") { StatusCode = 415 },
        };
        return Validate(route, fields, pick);
    }

    private static HipChatRequest Validate(HipChatRoute route, Fields fields, Func<int, int> pick)
    {
        var max = route == HipChatRoute.Notification ? MaxNotificationLength : MaxMessageLength;
        var message = fields.Message ?? throw new HipChatInputException("The field 'message' is required.");
        var length = CountCharacters(message);
        if (length < 1 || length > max || string.IsNullOrWhiteSpace(message))
        {
            throw new HipChatInputException($"The field 'message' must be 1 to {max:N0} characters long (it has {length:N0}).");
        }

        var format = route == HipChatRoute.Message ? MessageFormat.Text : MessageFormat.Html;
        if (fields.MessageFormat is { } formatName)
        {
            format = formatName.Trim().ToLowerInvariant() switch
            {
                "html" when route == HipChatRoute.Notification => MessageFormat.Html,
                "text" => MessageFormat.Text,
                _ => throw new HipChatInputException(route == HipChatRoute.Notification
                    ? "The field 'message_format' must be 'html' or 'text'."
                    : "The message resource takes plain text only; send html through /notification."),
            };
        }

        var color = HipChatColor.Yellow;
        if (fields.Color is { } colorName && !HipChatColors.TryParse(colorName, pick, out color))
        {
            throw new HipChatInputException("The field 'color' must be one of yellow, green, red, purple, gray or random.");
        }

        string? from = null;
        if (fields.From is { } fromText && !string.IsNullOrWhiteSpace(fromText))
        {
            from = fromText.Trim();
            if (CountCharacters(from) > MaxFromLength || from.Any(char.IsControl))
            {
                throw new HipChatInputException($"The field 'from' must be a label of at most {MaxFromLength} characters on one line.");
            }
        }

        return new HipChatRequest(message, format, color, fields.Notify ?? false, from);
    }

    private static Fields ReadJson(ReadOnlySpan<byte> body)
    {
        var fields = new Fields();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxJsonDepth, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new HipChatInputException("The JSON body must be an object such as {\"message\": \"…\"}.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "message": fields.Message = Once(fields.Message, name, JsonString(ref reader, name)); break;
                    case "message_format": fields.MessageFormat = Once(fields.MessageFormat, name, JsonString(ref reader, name)); break;
                    case "color": fields.Color = Once(fields.Color, name, JsonString(ref reader, name)); break;
                    case "from": fields.From = Once(fields.From, name, JsonString(ref reader, name)); break;
                    case "notify":
                        if (fields.Notify is not null)
                        {
                            throw Duplicate(name);
                        }

                        fields.Notify = reader.TokenType switch
                        {
                            JsonTokenType.True => true,
                            JsonTokenType.False => false,
                            JsonTokenType.String => ParseBoolean(reader.GetString()!, name),
                            _ => throw new HipChatInputException("The field 'notify' must be true or false."),
                        };
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new HipChatInputException("The JSON body must be one object and nothing after it.");
            }
        }
        catch (JsonException e)
        {
            throw new HipChatInputException($"The JSON body is not well-formed (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).", e);
        }

        return fields;
    }

    private static Fields ReadForm(ReadOnlySpan<byte> body)
    {
        var fields = new Fields();
        foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = UrlEncoding.DecodeQueryComponent(equals < 0 ? pair : pair[..equals]);
            var value = UrlEncoding.DecodeQueryComponent(equals < 0 ? string.Empty : pair[(equals + 1)..]);
            switch (name)
            {
                case "message": fields.Message = Once(fields.Message, name, value); break;
                case "message_format": fields.MessageFormat = Once(fields.MessageFormat, name, value); break;
                case "color": fields.Color = Once(fields.Color, name, value); break;
                case "from": fields.From = Once(fields.From, name, value); break;
                case "notify":
                    fields.Notify = fields.Notify is null ? ParseBoolean(value, name) : throw Duplicate(name);
                    break;
                default:
                    // auth_token (v1 put it in the form) and anything else: not a message field.
                    break;
            }
        }

        return fields;
    }

    private static string JsonString(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new HipChatInputException($"The field '{name}' must be a string.");

    private static string Once(string? existing, string name, string value) => existing is null ? value : throw Duplicate(name);

    private static HipChatInputException Duplicate(string name) => new($"The field '{name}' is given more than once.");

    private static bool ParseBoolean(string value, string name) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" or "" => false,
        _ => throw new HipChatInputException($"The field '{name}' must be true or false."),
    };

    /// <summary>Characters as people count them in HipChat's limits: Unicode scalar values, so an emoji is one, not two.</summary>
    private static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static string? MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    private static byte FirstNonWhitespace(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return 0;
    }

    /// <summary>The fields as read, before the rules.</summary>
    private sealed class Fields
    {
        public string? Message { get; set; }

        public string? MessageFormat { get; set; }

        public string? Color { get; set; }

        public bool? Notify { get; set; }

        public string? From { get; set; }
    }
}
