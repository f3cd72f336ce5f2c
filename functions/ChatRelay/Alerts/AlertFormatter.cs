using System.Text;
using System.Text.Json;
using ChatRelay.Relay;
using ChatRelay.Slack;

namespace ChatRelay.Alerts;

/// <summary>
/// An SNS message as a Slack alert: (a) a CloudWatch alarm notification (AlarmName, NewStateValue, NewStateReason,
/// Trigger), (b) the suite's own alert (<c>{"source","summary","details"}</c>), or anything else as its subject and
/// text. Red for ALARM and failures, green for OK, gray otherwise. All text passes through Slack's escapes.
/// </summary>
internal static class AlertFormatter
{
    public const string Red = "#e01e5a";
    public const string Green = "#2eb67d";
    public const string Gray = "#9e9e9e";

    /// <summary>Outcomes of the suite's alerts that mean things are well again.</summary>
    private static readonly HashSet<string> s_goodOutcomes = new(StringComparer.OrdinalIgnoreCase) { "OK", "Succeeded", "Success", "Recovered", "Resolved" };

    public static SlackPostMessage Format(string channel, string? subject, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(message);
        var (text, color, footer) = TryJson(message, out var root) ? FromJson(root, subject, message) : Plain(subject, message);
        return new SlackPostMessage
        {
            Channel = channel,
            Text = SlackMessages.Truncate(text),
            Attachments = [new SlackAttachment { Color = color, Fallback = footer, Footer = footer }],
        };
    }

    private static (string Text, string Color, string Footer) FromJson(JsonElement root, string? subject, string message)
    {
        if (root.ValueKind == JsonValueKind.Object && Str(root, "AlarmName") is { } alarm && Str(root, "NewStateValue") is { } state)
        {
            var text = new StringBuilder();
            text.Append('*').Append(SlackText.Escape(state)).Append("*: ").Append(SlackText.Escape(alarm));
            if (Str(root, "NewStateReason") is { } reason)
            {
                text.Append('\n').Append(SlackText.Escape(reason));
            }

            if (root.TryGetProperty("Trigger", out var trigger) && trigger.ValueKind == JsonValueKind.Object)
            {
                text.Append("\nMetric: ").Append(SlackText.Escape($"{Str(trigger, "Namespace")}/{Str(trigger, "MetricName")}"));
                if (trigger.TryGetProperty("Dimensions", out var dimensions) && dimensions.ValueKind == JsonValueKind.Array && dimensions.GetArrayLength() > 0)
                {
                    var parts = dimensions.EnumerateArray()
                        .Where(d => d.ValueKind == JsonValueKind.Object)
                        .Select(d => $"{Str(d, "name") ?? Str(d, "Name")}={Str(d, "value") ?? Str(d, "Value")}");
                    text.Append(" (").Append(SlackText.Escape(string.Join(", ", parts))).Append(')');
                }
            }

            var color = state switch { "ALARM" => Red, "OK" => Green, _ => Gray };
            return (text.ToString(), color, "CloudWatch alarm");
        }

        if (root.ValueKind == JsonValueKind.Object && Str(root, "source") is { } source && Str(root, "summary") is { } summary)
        {
            var text = new StringBuilder();
            text.Append('*').Append(SlackText.Escape(source)).Append("*: ").Append(SlackText.Escape(summary));
            string? outcome = null;
            if (root.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object)
            {
                foreach (var detail in details.EnumerateObject())
                {
                    var value = detail.Value.ValueKind == JsonValueKind.String ? detail.Value.GetString()! : detail.Value.GetRawText();
                    text.Append("\n• ").Append(SlackText.Escape(detail.Name)).Append(": ").Append(SlackText.Escape(value));
                    if (detail.Name.Equals("outcome", StringComparison.OrdinalIgnoreCase))
                    {
                        outcome = value;
                    }
                }
            }

            return (text.ToString(), outcome is not null && s_goodOutcomes.Contains(outcome) ? Green : Red, SlackText.Escape(source));
        }

        return Plain(subject, message);
    }

    private static (string Text, string Color, string Footer) Plain(string? subject, string message)
    {
        var text = string.IsNullOrWhiteSpace(subject)
            ? SlackText.Escape(message.Trim())
            : "*" + SlackText.Escape(subject.Trim()) + "*\n" + SlackText.Escape(message.Trim());
        return (text.Length == 0 ? "(empty alert)" : text, Gray, "SNS");
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryJson(string message, out JsonElement root)
    {
        root = default;
        var trimmed = message.TrimStart();
        if (!trimmed.StartsWith('{'))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed, new JsonDocumentOptions { MaxDepth = 16 });
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
