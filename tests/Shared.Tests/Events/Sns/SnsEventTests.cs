using System.Text.Json;
using LambdaSuite.Events;
using LambdaSuite.Events.Sns;

namespace Shared.Tests.Events.Sns;

public class SnsEventTests
{
    [Fact]
    public void Deserialize_LambdaSnsEvent_ReadsEnvelopeAndMessage()
    {
        var json = EventSamples.Load("sns.json");

        var snsEvent = JsonSerializer.Deserialize(json, EventsJsonContext.Default.SnsEvent)!;

        var record = Assert.Single(snsEvent.Records);
        Assert.Equal("aws:sns", record.EventSource);
        Assert.Equal("1.0", record.EventVersion);
        Assert.EndsWith(":ses-feedback:5f1e0c7a-3b2d-4e8f-9a61-2c4d6e8f0a1b", record.EventSubscriptionArn);
        var sns = record.Sns!;
        Assert.Equal("Notification", sns.Type);
        Assert.Equal("8d2f4a6b-1c3e-5f70-8192-a3b4c5d6e7f8", sns.MessageId);
        Assert.Equal("arn:aws:sns:eu-central-1:111122223333:ses-feedback", sns.TopicArn);
        Assert.Equal("Amazon SES Email Event Notification", sns.Subject);
        Assert.StartsWith("{\"notificationType\":\"Bounce\"", sns.Message);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 26, 53, 589, TimeSpan.Zero), sns.Timestamp);
        Assert.Equal("2", sns.SignatureVersion);
        Assert.Equal("bm90IGEgcmVhbCBzaWduYXR1cmUsIGp1c3QgdGVzdCBkYXRh", sns.Signature);
    }

    [Fact]
    public void Deserialize_LambdaSpelling_FillsUrlsAndAttributes()
    {
        var json = EventSamples.Load("sns.json");

        var sns = JsonSerializer.Deserialize(json, EventsJsonContext.Default.SnsEvent)!.Records[0].Sns!;

        Assert.EndsWith("SimpleNotificationService-0000000000000000000000.pem", sns.SigningCertUrl);
        Assert.Contains("Action=Unsubscribe", sns.UnsubscribeUrl);
        Assert.Equal("acme", sns.GetAttribute("tenant"));
        Assert.Equal("Number", sns.MessageAttributes!["priority"].Type);
        Assert.Null(sns.GetAttribute("absent"));
    }

    [Fact]
    public void Deserialize_SqsBodySpelling_FillsSameUrlProperties()
    {
        var json = EventSamples.Load("sns-notification-body.json");

        var sns = JsonSerializer.Deserialize(json, EventsJsonContext.Default.SnsMessage)!;

        Assert.EndsWith("SimpleNotificationService-1111111111111111111111.pem", sns.SigningCertUrl);
        Assert.EndsWith("device-events:aa11", sns.UnsubscribeUrl);
        Assert.Null(sns.Subject);
        Assert.Equal("status", sns.GetAttribute("kind"));
    }

    [Fact]
    public void Serialize_Message_WritesLambdaSpellingOnly()
    {
        var sns = JsonSerializer.Deserialize(EventSamples.Load("sns-notification-body.json"), EventsJsonContext.Default.SnsMessage)!;

        var written = JsonSerializer.Serialize(sns, EventsJsonContext.Default.SnsMessage);

        Assert.Contains("\"SigningCertUrl\":", written);
        Assert.DoesNotContain("SigningCertURL", written);
        Assert.DoesNotContain("UnsubscribeURL", written);
    }

    [Fact]
    public void Parse_BadTimestamp_ThrowsInvalidEventException()
    {
        var json = """{"Records":[{"EventSource":"aws:sns","Sns":{"Timestamp":"yesterday"}}]}"""u8.ToArray();

        var error = Assert.Throws<InvalidEventException>(() => EventJson.Parse(json, EventsJsonContext.Default.SnsEvent));

        Assert.Contains("Timestamp", error.Message);
    }

    [Fact]
    public void TryParse_SqsBodyHoldingNotification_ReadsMessage()
    {
        var body = System.Text.Encoding.UTF8.GetString(EventSamples.Load("sns-notification-body.json"));

        var parsed = EventJson.TryParse(body, EventsJsonContext.Default.SnsMessage, out var sns);

        Assert.True(parsed);
        Assert.Equal("{\"device\":\"d-17\",\"state\":\"online\"}", sns!.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plain text body")]
    public void TryParse_BodyNotJson_ReturnsFalse(string? body)
    {
        var parsed = EventJson.TryParse(body, EventsJsonContext.Default.SnsMessage, out var sns);

        Assert.False(parsed);
        Assert.Null(sns);
    }
}
