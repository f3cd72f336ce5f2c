using System.Text.Json;
using LambdaSuite.Harness.Runtime;

namespace Harness.Tests.Runtime;

public class AlbFrontServerTests
{
    [Fact]
    public void EventFor_CurlStyleRequest_IsTheAlbsSingleValueEvent()
    {
        KeyValuePair<string, string>[] headers = [new("Content-Type", "application/json"), new("User-Agent", "curl/7.88.1")];

        var json = AlbFrontServer.EventFor("POST", "/v2/room/API%20Evangelist/notification", "?auth_token=a%2Bb&notify", headers, """{"message":"hi"}""");

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(AlbFrontServer.TargetGroupArn, root.GetProperty("requestContext").GetProperty("elb").GetProperty("targetGroupArn").GetString());
        Assert.Equal(("POST", "/v2/room/API%20Evangelist/notification"), (root.GetProperty("httpMethod").GetString(), root.GetProperty("path").GetString()));
        // The ALB hands query values on as received, still percent-encoded.
        var query = root.GetProperty("queryStringParameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(new Dictionary<string, string?> { ["auth_token"] = "a%2Bb", ["notify"] = "" }, query);
        var sent = root.GetProperty("headers");
        Assert.Equal("application/json", sent.GetProperty("content-type").GetString());
        Assert.Equal("curl/7.88.1", sent.GetProperty("user-agent").GetString());
        Assert.Equal("https", sent.GetProperty("x-forwarded-proto").GetString());
        Assert.False(root.TryGetProperty("multiValueHeaders", out _));
        Assert.Equal("""{"message":"hi"}""", root.GetProperty("body").GetString());
        Assert.False(root.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public void EventFor_NoQuery_HasAnEmptyQueryObject()
    {
        var json = AlbFrontServer.EventFor("GET", "/v2/", "", [], "");

        using var document = JsonDocument.Parse(json);

        Assert.Empty(document.RootElement.GetProperty("queryStringParameters").EnumerateObject());
        Assert.Equal("", document.RootElement.GetProperty("body").GetString());
    }
}
