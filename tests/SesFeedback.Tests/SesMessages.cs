using System.Globalization;
using System.Text.Json.Nodes;

namespace SesFeedback.Tests;

/// <summary>Builds SES identity notifications (the documented shape) for one recipient at a chosen time.</summary>
internal static class SesMessages
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static string Bounce(string address, string type, DateTimeOffset at, string feedbackId, string subType = "General") =>
        Notification("Bounce", "bounce", new JsonObject
        {
            ["bounceType"] = type,
            ["bounceSubType"] = subType,
            ["bouncedRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = address, ["diagnosticCode"] = $"smtp; {(type == "Permanent" ? "550 5.1.1 unknown user" : "452 4.2.2 mailbox full")}" }),
            ["timestamp"] = Iso(at),
            ["feedbackId"] = feedbackId,
        }, address, at);

    public static string Complaint(string address, DateTimeOffset at, string feedbackId, string feedbackType = "abuse") =>
        Notification("Complaint", "complaint", new JsonObject
        {
            ["complainedRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = address }),
            ["complaintFeedbackType"] = feedbackType,
            ["timestamp"] = Iso(at),
            ["feedbackId"] = feedbackId,
        }, address, at);

    public static string Delivery(string address, DateTimeOffset at, string messageId) =>
        Notification("Delivery", "delivery", new JsonObject
        {
            ["recipients"] = new JsonArray(address),
            ["timestamp"] = Iso(at),
            ["smtpResponse"] = "250 OK",
        }, address, at, messageId);

    private static string Notification(string type, string field, JsonObject body, string address, DateTimeOffset at, string? messageId = null) =>
        new JsonObject
        {
            ["notificationType"] = type,
            [field] = body,
            ["mail"] = new JsonObject
            {
                // The send time is deliberately earlier than the event: rules must use the event's time.
                ["timestamp"] = Iso(at.AddMinutes(-5)),
                ["messageId"] = messageId ?? $"msg-{Guid.NewGuid():N}",
                ["source"] = "sender@shop.example.org",
                ["destination"] = new JsonArray(address),
            },
        }.ToJsonString();

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string ReadTestData(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Ses", name));
}
