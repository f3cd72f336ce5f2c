using System.Text;
using ChatRelay.Input;

namespace ChatRelay.Tests.Input;

public sealed class HipChatRequestParserTests
{
    private static HipChatRequest Parse(HipChatRoute route, string? contentType, string body) =>
        HipChatRequestParser.Parse(route, contentType, Encoding.UTF8.GetBytes(body), _ => 2);

    [Fact]
    public void Parse_JsonNotificationSample_EveryField()
    {
        var request = Parse(HipChatRoute.Notification, "application/json; charset=utf-8", Support.HipChatEvents.Sample("notification-html.json"));

        Assert.Equal((MessageFormat.Html, HipChatColor.Green, true, "CI"), (request.Format, request.Color, request.Notify, request.From));
        Assert.StartsWith("Deploy <b>finished</b>", request.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FormNotificationSample_DecodedFields()
    {
        var request = Parse(HipChatRoute.Notification, "application/x-www-form-urlencoded", Support.HipChatEvents.Sample("notification-text.form"));

        Assert.Equal(("Disk usage at 91% on db-1 <!channel>", MessageFormat.Text, HipChatColor.Red, true, "monitor"), (request.Message, request.Format, request.Color, request.Notify, request.From));
    }

    [Fact]
    public void Parse_MinimalNotification_HipChatsDefaults()
    {
        var request = Parse(HipChatRoute.Notification, null, "{\"message\":\"hi\"}");

        Assert.Equal(("hi", MessageFormat.Html, HipChatColor.Yellow, false, (string?)null), (request.Message, request.Format, request.Color, request.Notify, request.From));
    }

    [Fact]
    public void Parse_RandomColour_OneOfTheConcreteColours()
    {
        var request = Parse(HipChatRoute.Notification, "application/json", "{\"message\":\"hi\",\"color\":\"random\"}");

        Assert.Equal(HipChatColor.Red, request.Color);
    }

    [Fact]
    public void Parse_NotificationOf10000Emoji_AcceptedAsCharactersNotUtf16Units()
    {
        var body = "{\"message\":\"" + string.Concat(Enumerable.Repeat("😀", 10_000)) + "\"}";

        var request = Parse(HipChatRoute.Notification, "application/json", body);

        Assert.Equal(20_000, request.Message.Length);
    }

    [Theory]
    [InlineData("application/json", "", "empty")]
    [InlineData("application/json", "[1]", "must be an object")]
    [InlineData("application/json", "{\"message\":", "not well-formed")]
    [InlineData("application/json", "{\"message\":1}", "'message' must be a string")]
    [InlineData("application/json", "{\"color\":\"red\"}", "'message' is required")]
    [InlineData("application/json", "{\"message\":\"  \"}", "1 to 10,000")]
    [InlineData("application/json", "{\"message\":\"a\",\"message\":\"b\"}", "more than once")]
    [InlineData("application/json", "{\"message\":\"a\",\"notify\":\"maybe\"}", "'notify' must be true or false")]
    [InlineData("application/json", "{\"message\":\"a\",\"message_format\":\"markdown\"}", "'html' or 'text'")]
    [InlineData("application/json", "{\"message\":\"a\",\"color\":\"blue\"}", "'color' must be one of")]
    [InlineData("application/json", "{\"message\":\"a\"} {}", "not well-formed")]
    [InlineData("application/x-www-form-urlencoded", "message=a&from=" + "0123456789012345678901234567890123456789012345678901234567890123456789", "'from' must be a label of at most 64")]
    [InlineData("application/json", "{\"a\":[[[[[[[[[[1]]]]]]]]]]}", "not well-formed")]
    public void Parse_BadBody_400SentenceNamingTheRule(string contentType, string body, string expected)
    {
        var error = Assert.Throws<HipChatInputException>(() => Parse(HipChatRoute.Notification, contentType, body));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MessageResourceWithHtml_Refused()
    {
        var error = Assert.Throws<HipChatInputException>(() => Parse(HipChatRoute.Message, "application/json", "{\"message\":\"<b>x</b>\",\"message_format\":\"html\"}"));

        Assert.Contains("plain text only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextPlainBody_415()
    {
        var error = Assert.Throws<HipChatInputException>(() => Parse(HipChatRoute.Notification, "text/plain", "message=hi"));

        Assert.Equal(415, error.StatusCode);
    }

    [Fact]
    public void Parse_BodyOverTheBound_RefusedBeforeReading()
    {
        var body = new byte[HipChatRequestParser.MaxBodyBytes + 1];

        var error = Assert.Throws<HipChatInputException>(() => HipChatRequestParser.Parse(HipChatRoute.Notification, "application/json", body, _ => 0));

        Assert.Contains("larger than 64 KiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8_Refused()
    {
        var error = Assert.Throws<HipChatInputException>(() => HipChatRequestParser.Parse(HipChatRoute.Notification, "application/json", [(byte)'{', 0xC3, 0x28, (byte)'}'], _ => 0));

        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonCutAtEveryLength_FailsCleanlyOrParses()
    {
        var sample = Support.HipChatEvents.Sample("notification-html.json").TrimEnd();

        for (var length = 0; length < sample.Length; length++)
        {
            var cut = Encoding.UTF8.GetBytes(sample[..length]);

            var error = Record.Exception(() => HipChatRequestParser.Parse(HipChatRoute.Notification, "application/json", cut, _ => 0));

            Assert.IsType<HipChatInputException>(error);
        }
    }
}
