using System.Globalization;
using System.Text.Json.Nodes;

namespace SesFeedback.Tests;

/// <summary>Legal but extreme SES messages (issue 19, item 4): every free-text field as long as a forger likes.</summary>
internal static class HugeMessages
{
    public static string Bounce(string address, string type, DateTimeOffset at, string feedbackId, string diagnosticCode, int fieldLength = 0, int tagCount = 0) =>
        new JsonObject
        {
            ["notificationType"] = "Bounce",
            ["bounce"] = new JsonObject
            {
                ["bounceType"] = type,
                ["bounceSubType"] = "General" + new string('s', fieldLength),
                ["bouncedRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = address, ["diagnosticCode"] = diagnosticCode }),
                ["timestamp"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["feedbackId"] = feedbackId + new string('f', fieldLength),
            },
            ["mail"] = new JsonObject
            {
                ["timestamp"] = at.AddMinutes(-5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["messageId"] = $"msg-{feedbackId}" + new string('m', fieldLength),
                ["source"] = "sender@shop.example.org" + new string('x', fieldLength),
                ["destination"] = new JsonArray(address),
                ["tags"] = new JsonObject(Enumerable.Range(0, tagCount).Select(i => KeyValuePair.Create<string, JsonNode?>($"tag-{i:D4}" + new string('n', fieldLength), new JsonArray(new string('v', fieldLength + 1))))),
            },
        }.ToJsonString();

    /// <summary>A diagnostic code of <paramref name="bytes"/> ASCII bytes that looks like an SMTP reply.</summary>
    public static string Diagnostic(int bytes) => ("smtp; 550 5.7.1 " + new string('x', bytes))[..bytes];
}
