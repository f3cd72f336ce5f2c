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

    /// <summary>An SNS event as Lambda hands it over, one record per message.</summary>
    public static string SnsEvent(params (string Id, string Message)[] messages) =>
        new JsonObject
        {
            ["Records"] = new JsonArray(messages.Select(m => (JsonNode)new JsonObject
            {
                ["EventSource"] = "aws:sns",
                ["EventVersion"] = "1.0",
                ["EventSubscriptionArn"] = "arn:aws:sns:eu-west-1:111122223333:ses-feedback:8f1e0c7a-1111-2222-3333-444455556666",
                ["Sns"] = new JsonObject
                {
                    ["Type"] = "Notification",
                    ["MessageId"] = m.Id,
                    ["TopicArn"] = "arn:aws:sns:eu-west-1:111122223333:ses-feedback",
                    ["Message"] = m.Message,
                    ["Timestamp"] = "2026-03-02T10:15:08.000Z",
                    ["SignatureVersion"] = "1",
                },
            }).ToArray()),
        }.ToJsonString();

    /// <summary>An SQS event as Lambda's event source mapping hands it over.</summary>
    public static string SqsEvent(params (string Id, string Body)[] messages) =>
        new JsonObject
        {
            ["Records"] = new JsonArray(messages.Select(m => (JsonNode)new JsonObject
            {
                ["messageId"] = m.Id,
                ["receiptHandle"] = "AQEB" + m.Id,
                ["body"] = m.Body,
                ["eventSource"] = "aws:sqs",
                ["eventSourceARN"] = "arn:aws:sqs:eu-west-1:111122223333:ses-feedback",
                ["awsRegion"] = "eu-west-1",
            }).ToArray()),
        }.ToJsonString();

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string ReadTestData(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Ses", name));
}
