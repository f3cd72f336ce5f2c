using System.Buffers;
using System.Text.Json;

namespace LambdaSuite.Harness.Iot;

/// <summary>
/// Runs a parsed rule on one message as AWS IoT does: FROM's filter and every WHERE comparison must hold; the output
/// is one JSON object, <c>*</c> writing the payload's members and each other item its value under its alias. A name
/// both in the payload and among the aliases is written once, with the rule's value: a device cannot put its own
/// <c>mqttClientId</c> in front of the function. A function with no value (an unknown client id, a topic level past
/// the end) is left out, as AWS IoT leaves out an undefined result.
/// </summary>
public static class TopicRuleEvaluator
{
    public static RuleEvaluation Evaluate(TopicRuleSql rule, RuleMessage message)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(message);
        if (!TopicFilter.Matches(rule.From, message.Topic))
        {
            return RuleEvaluation.NotMatched;
        }

        var levels = message.Topic.Split('/');
        if (rule.Where.Any(c => c.Segment > levels.Length || !string.Equals(levels[c.Segment - 1], c.Value, StringComparison.Ordinal)))
        {
            return RuleEvaluation.NotMatched;
        }

        JsonDocument? payload = null;
        try
        {
            if (rule.Select.Any(i => i.Function == SelectFunction.Star))
            {
                try
                {
                    payload = JsonDocument.Parse(message.Payload);
                }
                catch (JsonException e)
                {
                    return RuleEvaluation.Failed($"The payload on {message.Topic} is not JSON ({e.Message}); SELECT * needs a JSON object.");
                }

                if (payload.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return RuleEvaluation.Failed($"The payload on {message.Topic} is a JSON {payload.RootElement.ValueKind}, not an object; SELECT * needs an object.");
                }
            }

            return RuleEvaluation.Output(Write(rule, message, levels, payload));
        }
        finally
        {
            payload?.Dispose();
        }
    }

    private static byte[] Write(TopicRuleSql rule, RuleMessage message, string[] levels, JsonDocument? payload)
    {
        var aliases = rule.Select.Where(i => i.Alias is not null).Select(i => i.Alias!).ToHashSet(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>(message.Payload.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var item in rule.Select)
            {
                switch (item.Function)
                {
                    case SelectFunction.Star:
                        foreach (var member in payload!.RootElement.EnumerateObject())
                        {
                            if (!aliases.Contains(member.Name))
                            {
                                member.WriteTo(writer);
                            }
                        }

                        break;
                    case SelectFunction.Literal:
                        writer.WriteString(item.Alias!, item.Literal);
                        break;
                    case SelectFunction.ClientId when message.ClientId is not null:
                        writer.WriteString(item.Alias!, message.ClientId);
                        break;
                    case SelectFunction.Principal when message.Principal is not null:
                        writer.WriteString(item.Alias!, message.Principal);
                        break;
                    case SelectFunction.Topic when item.TopicSegment is null:
                        writer.WriteString(item.Alias!, message.Topic);
                        break;
                    case SelectFunction.Topic when item.TopicSegment <= levels.Length:
                        writer.WriteString(item.Alias!, levels[item.TopicSegment.Value - 1]);
                        break;
                    case SelectFunction.Timestamp:
                        writer.WriteNumber(item.Alias!, message.ReceivedAt.ToUnixTimeMilliseconds());
                        break;
                    default:
                        // No value (unknown client id or principal, a topic level past the end): left out.
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
