using System.Text.Json.Nodes;
using LambdaSuite.Data.Mailing;
using SesFeedback.Feedback;

namespace SesFeedback.Tests.Feedback;

public class SesMessageParserTests
{
    [Fact]
    public void Parse_PermanentBounceNotification_YieldsOneEventPerBouncedRecipientOnly()
    {
        var result = SesMessageParser.Parse(SesMessages.ReadTestData("notification-bounce-permanent.json"));

        Assert.Null(result.Error);
        Assert.Equal(["nora.quinn@shop.example.org", "ivo@shop.example.org"], result.Events.Select(e => e.Address));
        var first = result.Events[0].Event;
        Assert.Equal(MailingEventKind.Bounce, first.Kind);
        Assert.Equal("Permanent", first.BounceType);
        Assert.Equal("General", first.BounceSubType);
        Assert.StartsWith("smtp; 550 5.1.1", first.DiagnosticCode, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:15:07.412Z"), first.At);
        Assert.Equal("notices@shop.example.org", result.Events[0].Sender);
        Assert.NotEqual(result.Events[0].Event.Key, result.Events[1].Event.Key);
    }

    [Fact]
    public void Parse_ComplaintNotification_UsesComplaintTimeNotSendTime()
    {
        var result = SesMessageParser.Parse(SesMessages.ReadTestData("notification-complaint.json"));

        var e = Assert.Single(result.Events).Event;
        Assert.Equal(MailingEventKind.Complaint, e.Kind);
        Assert.Equal("abuse", e.ComplaintFeedbackType);
        Assert.Equal(DateTimeOffset.Parse("2026-03-03T08:00:01.250Z"), e.At);
        Assert.Equal("0100018e05bb22cc-6d2e3f40-2222-4b4b-8c8c-123456789abc-000000", e.FeedbackId);
    }

    [Fact]
    public void Parse_DeliveryNotification_YieldsEveryRecipient()
    {
        var result = SesMessageParser.Parse(SesMessages.ReadTestData("notification-delivery.json"));

        Assert.Equal(["mia@shop.example.org", "ola@shop.example.org"], result.Events.Select(e => e.Address));
        Assert.All(result.Events, e => Assert.Equal(MailingEventKind.Delivery, e.Event.Kind));
    }

    [Theory]
    [InlineData("event-bounce-transient.json", MailingEventKind.Bounce, "2026-03-05T09:00:04.100Z")]
    [InlineData("event-complaint.json", MailingEventKind.Complaint, "2026-03-05T11:30:00.000Z")]
    [InlineData("event-delivery.json", MailingEventKind.Delivery, "2026-03-05T09:00:01.500Z")]
    [InlineData("event-send.json", MailingEventKind.Send, "2026-03-05T09:00:00.000Z")]
    [InlineData("event-reject.json", MailingEventKind.Reject, "2026-03-05T09:00:00.000Z")]
    [InlineData("event-open.json", MailingEventKind.Open, "2026-03-05T10:02:00.000Z")]
    [InlineData("event-click.json", MailingEventKind.Click, "2026-03-05T10:03:00.000Z")]
    [InlineData("event-delivery-delay.json", MailingEventKind.DeliveryDelay, "2026-03-05T09:20:00.000Z")]
    [InlineData("event-rendering-failure.json", MailingEventKind.RenderingFailure, "2026-03-05T09:00:00.000Z")]
    [InlineData("event-subscription.json", MailingEventKind.Subscription, "2026-03-05T12:00:00.000Z")]
    public void Parse_EventPublishingRecord_MapsKindTimeAndContext(string file, MailingEventKind kind, string at)
    {
        var result = SesMessageParser.Parse(SesMessages.ReadTestData(file));

        var feedback = Assert.Single(result.Events);
        Assert.Equal("pat@shop.example.org", feedback.Address);
        Assert.Equal(kind, feedback.Event.Kind);
        Assert.Equal(DateTimeOffset.Parse(at), feedback.Event.At);
        Assert.Equal("marketing", feedback.ConfigurationSet);
        Assert.Equal(["spring-sale"], feedback.Tags["campaign"].ToArray());
    }

    [Fact]
    public void Parse_ManyLongTagsNamedBeforeTheConfigurationSetTag_ConfigurationSetStillRead()
    {
        // 50 tags of 256-character names and values (SES's limits) overflow the stored tags' budget, and in name
        // order every "a…" tag comes before "ses:configuration-set".
        var record = JsonNode.Parse(SesMessages.ReadTestData("event-send.json"))!.AsObject();
        var tags = record["mail"]!["tags"]!.AsObject();
        for (var i = 0; i < 50; i++)
        {
            tags[$"a{i:D2}" + new string('n', 253)] = new JsonArray(JsonValue.Create(new string('v', 256)));
        }

        var feedback = Assert.Single(SesMessageParser.Parse(record.ToJsonString()).Events);

        Assert.Equal("marketing", feedback.ConfigurationSet);
        Assert.DoesNotContain("ses:configuration-set", feedback.Tags.Keys);
    }

    [Fact]
    public void Parse_SameMessageTwice_GivesSameKeys()
    {
        var json = SesMessages.ReadTestData("notification-bounce-permanent.json");

        var first = SesMessageParser.Parse(json);
        var second = SesMessageParser.Parse(json);

        Assert.Equal(first.Events.Select(e => e.Event.Key), second.Events.Select(e => e.Event.Key));
    }

    [Theory]
    [InlineData("not json", "not valid SES JSON")]
    [InlineData("{}", "neither notificationType nor eventType")]
    [InlineData("{\"notificationType\":\"Bounce\"}", "no mail object")]
    [InlineData("{\"notificationType\":\"Teleport\",\"mail\":{}}", "unknown SES message type 'Teleport'")]
    [InlineData("{\"notificationType\":\"Bounce\",\"mail\":{},\"bounce\":{\"bounceType\":\"Permanent\"}}", "lacks bounce.timestamp")]
    [InlineData("{\"notificationType\":\"Bounce\",\"mail\":{},\"bounce\":{\"bounceType\":\"Permanent\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"bouncedRecipients\":[]}}", "names no recipients")]
    [InlineData("{\"notificationType\":\"Bounce\",\"mail\":{},\"bounce\":{\"bounceType\":\"Permanent\",\"timestamp\":\"yesterday\"}}", "not valid SES JSON")]
    public void Parse_MalformedMessage_ReturnsErrorAndNoEvents(string json, string expected)
    {
        var result = SesMessageParser.Parse(json);

        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Parse_RecipientWithoutAddress_IsSkippedAndOthersKept()
    {
        var json = """
            {"notificationType":"Bounce","mail":{"messageId":"m1","destination":["a@x.org"]},
             "bounce":{"bounceType":"Permanent","timestamp":"2026-01-01T00:00:00Z","feedbackId":"f1",
               "bouncedRecipients":[{"status":"5.1.1"},{"emailAddress":"not an address"},{"emailAddress":"a@x.org"}]}}
            """;

        var result = SesMessageParser.Parse(json);

        Assert.Null(result.Error);
        Assert.Equal("a@x.org", Assert.Single(result.Events).Address);
        Assert.Equal(["(no address)", "not an address"], result.SkippedRecipients.Select(s => s.Address));
        Assert.All(result.SkippedRecipients, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }

    [Fact]
    public void Parse_ComplaintDatedInTheYear9999_IsRefusedWithAReason()
    {
        var json = SesMessages.Complaint("far@x.org", new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), "c1");

        var result = SesMessageParser.Parse(json, SesMessages.T0);

        Assert.Empty(result.Events);
        Assert.Contains("in the future", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EventAFewHoursAheadOfThisClock_IsAcceptedAsClockSkew()
    {
        var json = SesMessages.Complaint("skew@x.org", SesMessages.T0.AddHours(3), "c1");

        var result = SesMessageParser.Parse(json, SesMessages.T0);

        Assert.Null(result.Error);
        Assert.Single(result.Events);
    }

    [Fact]
    public void Parse_EventDatedBeforeSesExisted_IsRefused()
    {
        var json = SesMessages.Bounce("old@x.org", "Permanent", new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero), "b1");

        var result = SesMessageParser.Parse(json, SesMessages.T0);

        Assert.Contains("before SES existed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MessageWithALoneSurrogate_FailsWithASentenceInsteadOfThrowing()
    {
        var json = SesMessages.Complaint("a@x.org", SesMessages.T0, "c1").Replace("abuse", "ab" + (char)0xD800 + "use", StringComparison.Ordinal);

        var result = SesMessageParser.Parse(json, SesMessages.T0);

        Assert.Contains("lone surrogate", result.Error, StringComparison.Ordinal);
    }
}
