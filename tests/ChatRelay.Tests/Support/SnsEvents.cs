using System.Text;
using System.Text.Json.Nodes;

namespace ChatRelay.Tests.Support;

/// <summary>Lambda's SNS event around a message, as the suite's alert topic delivers it.</summary>
public static class SnsEvents
{
    public const string TopicArn = "arn:aws:sns:us-east-1:123456789012:suite-alerts";

    public static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Sns", name)).Trim();

    public static byte[] Of(string message, string messageId, string? subject = null) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["Records"] = new JsonArray(new JsonObject
        {
            ["EventSource"] = "aws:sns",
            ["EventVersion"] = "1.0",
            ["EventSubscriptionArn"] = TopicArn + ":2bcfbf39-05c3-41de-beaa-fcfcc21c8f55",
            ["Sns"] = new JsonObject
            {
                ["Type"] = "Notification",
                ["MessageId"] = messageId,
                ["TopicArn"] = TopicArn,
                ["Subject"] = subject,
                ["Message"] = message,
                ["Timestamp"] = "2026-12-05T01:05:00.000Z",
                ["SignatureVersion"] = "1",
                ["Signature"] = "EXAMPLE",
                ["SigningCertUrl"] = "https://sns.us-east-1.amazonaws.com/cert.pem",
                ["UnsubscribeUrl"] = "https://sns.us-east-1.amazonaws.com/unsubscribe",
                ["MessageAttributes"] = new JsonObject(),
            },
        }),
    }.ToJsonString());
}
