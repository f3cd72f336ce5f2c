using System.Text;
using LambdaSuite.Events;
using LambdaSuite.Events.Http;

namespace Shared.Tests.Events.Http;

public class HttpEventParserTests
{
    [Fact]
    public void TryParse_KindGiven_ReadsTheEventAsThatFormatWithoutDetectingAgain()
    {
        // An HTTP API (v2) event has no top-level httpMethod: read as a REST API (v1) event, as told, it has no method.
        var json = EventSamples.Load("apigateway-v2-http.json");

        var asGiven = HttpEventParser.TryParse(json, HttpEventKind.ApiGatewayV1, out _);
        var asDetected = HttpEventParser.TryParse(json, HttpEventKind.ApiGatewayV2, out var request);

        Assert.False(asGiven);
        Assert.True(asDetected);
        Assert.Equal(HttpEventKind.ApiGatewayV2, request!.Kind);
    }

    [Fact]
    public void TryParse_AlbSingleValue_DecodesQueryAndPathSegments()
    {
        var json = EventSamples.Load("alb-single-value.json");

        var parsed = HttpEventParser.TryParse(json, out var request);

        Assert.True(parsed);
        Assert.Equal("GET", request!.Method);
        Assert.Equal("/devices/sensor%2042/readings", request.Path);
        Assert.Equal(["devices", "sensor 42", "readings"], request.PathSegments);
        Assert.Equal("temp>20", request.Query["filter"]);
        Assert.Equal("kitchen north", request.Query["label"]);
        Assert.Equal("2", request.Query["étage"]);
        Assert.True(request.Body.IsEmpty);
    }

    [Fact]
    public void TryParse_AlbSingleValue_HeadersCaseInsensitiveWithCookiesAndClientIp()
    {
        var json = EventSamples.Load("alb-single-value.json");

        HttpEventParser.TryParse(json, out var request);

        Assert.Equal("curl/8.5.0", request!.Headers["User-Agent"]);
        Assert.Equal(["session=abc123", "theme=dark"], request.Cookies);
        Assert.Equal("dark", request.GetCookie("theme"));
        Assert.Null(request.GetCookie("missing"));
        Assert.Equal("203.0.113.7", request.SourceIp);
        Assert.Equal("Root=1-67a0b1c2-0123456789abcdef01234567", request.RequestId);
    }

    [Fact]
    public void TryParse_AlbMultiValue_KeepsRepeatedValuesAndDecodesBase64Body()
    {
        var json = EventSamples.Load("alb-multi-value.json");

        HttpEventParser.TryParse(json, out var request);

        Assert.Equal(HttpEventKind.AlbMultiValue, request!.Kind);
        Assert.Equal(["one", "two"], request.Headers.GetValues("x-custom"));
        Assert.Equal(["a b", "c&d"], request.Query.GetValues("tag"));
        Assert.Equal(new byte[] { 0, 1, 2, 3, 4, 255 }, request.Body.ToArray());
        Assert.Equal(["a=1", "b=2", "c=3"], request.Cookies);
        Assert.Equal("application/octet-stream", request.ContentType);
    }

    [Fact]
    public void TryParse_ApiGatewayV1_UsesMultiValueMapsAndKeepsDecodedQuery()
    {
        var json = EventSamples.Load("apigateway-v1-proxy.json");

        HttpEventParser.TryParse(json, out var request);

        Assert.Equal("PUT", request!.Method);
        Assert.Equal(["first", "second"], request.Headers.GetValues("x-repeated"));
        Assert.Equal(["1", "2"], request.Query.GetValues("page"));
        Assert.Equal("Zoë & co", request.Query["name"]);
        Assert.Equal(["prod-api", "devices", "a/b"], request.PathSegments);
        Assert.Equal("a/b", request.PathParameters["id"]);
        Assert.Equal("{\"serial\":\"X-1\",\"firmware\":\"1.2.3\"}", request.BodyText);
        Assert.Equal("192.0.2.44", request.SourceIp);
        Assert.Equal("c6af9ac6-7b61-11e6-9a41-93e8deadbeef", request.RequestId);
    }

    [Fact]
    public void TryParse_ApiGatewayV2_ParsesRawQueryStringMultiValued()
    {
        var json = EventSamples.Load("apigateway-v2-http.json");

        HttpEventParser.TryParse(json, out var request);

        Assert.Equal(["a,b", "c"], request!.Query.GetValues("q"));
        Assert.Equal("", request.Query["empty"]);
        Assert.Equal("", request.Query["flag"]);
        Assert.Equal("x y", request.Query["plus"]);
    }

    [Fact]
    public void TryParse_ApiGatewayV2_TakesMethodPathCookiesAndBase64Body()
    {
        var json = EventSamples.Load("apigateway-v2-http.json");

        HttpEventParser.TryParse(json, out var request);

        Assert.Equal("GET", request!.Method);
        Assert.Equal("/things/caf%C3%A9%20menu", request.Path);
        Assert.Equal(["things", "café menu"], request.PathSegments);
        Assert.Equal(["session=s3cr3t", "lang=fr"], request.Cookies);
        Assert.Equal("s3cr3t", request.GetCookie("session"));
        Assert.Equal("v1,v2", request.Headers["X-Multi"]);
        Assert.Equal("hello world", request.BodyText);
        Assert.Equal("198.51.100.9", request.SourceIp);
        Assert.Equal("café menu", request.PathParameters["name"]);
    }

    [Fact]
    public void TryParse_V2WithIamAuthorizer_CarriesTheCallersArnAndOtherDoorsNone()
    {
        var withCaller = Encoding.UTF8.GetBytes("""{"version":"2.0","rawPath":"/devices/SN-1/c-1/unbind","requestContext":{"http":{"method":"POST"},"authorizer":{"iam":{"accountId":"123456789012","userArn":"arn:aws:iam::123456789012:user/fleet-admin"}}}}""");
        var withoutCaller = Encoding.UTF8.GetBytes("""{"version":"2.0","rawPath":"/devices/SN-1/c-1/unbind","requestContext":{"http":{"method":"POST"}}}""");

        var parsed = HttpEventParser.TryParse(withCaller, out var request);
        HttpEventParser.TryParse(withoutCaller, out var anonymous);

        Assert.True(parsed);
        Assert.Equal("arn:aws:iam::123456789012:user/fleet-admin", request!.IamCallerArn);
        Assert.Null(anonymous!.IamCallerArn);
        Assert.Null(HttpEventParser.Parse(EventSamples.Load("alb-single-value.json")).IamCallerArn);
    }

    [Fact]
    public void TryParse_V2WithoutRawQueryString_FallsBackToQueryParameters()
    {
        var json = """{"version":"2.0","rawPath":"/","queryStringParameters":{"a":"1"},"requestContext":{"http":{"method":"GET","path":"/"}}}"""u8;

        var parsed = HttpEventParser.TryParse(json, out var request);

        Assert.True(parsed);
        Assert.Equal("1", request!.Query["a"]);
        Assert.Empty(request.PathSegments);
    }

    [Theory]
    [InlineData("""{"requestContext":{"elb":{}},"httpMethod":"GET","path":"/","body":"not base64!","isBase64Encoded":true}""")]
    [InlineData("""{"requestContext":{"elb":{}},"path":"/"}""")]
    [InlineData("""{"requestContext":{"elb":{}},"httpMethod":"GET"}""")]
    [InlineData("""{"version":"2.0","rawPath":"/","requestContext":{"http":{"path":"/"}}}""")]
    [InlineData("""{"requestContext":{"elb":{}},"httpMethod":42,"path":"/"}""")]
    [InlineData("""{"Records":[]}""")]
    [InlineData("""{"requestContext":{"elb":{}},"httpMethod":"GET","path":"/" """)]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public void TryParse_BadOrForeignInput_ReturnsFalse(string input)
    {
        var json = Encoding.UTF8.GetBytes(input);

        var parsed = HttpEventParser.TryParse(json, out var request);

        Assert.False(parsed);
        Assert.Null(request);
    }

    [Fact]
    public void Parse_BadInput_ThrowsInvalidEventException()
    {
        var json = """{"requestContext":{"elb":{}},"path":"/"}"""u8.ToArray();

        var error = Assert.Throws<InvalidEventException>(() => HttpEventParser.Parse(json));

        Assert.Contains("bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_SampleCutAtEveryLength_FailsCleanly()
    {
        var json = EventSamples.Load("apigateway-v2-http.json");

        for (var length = 0; length < json.Length - 2; length++)
        {
            var parsed = HttpEventParser.TryParse(json.AsSpan(0, length), out _);

            Assert.False(parsed, $"cut at {length} parsed");
        }
    }

    [Theory]
    [InlineData("""{"version":"1.0","resource":"/x","path":"/x","httpMethod":"GET","requestContext":{"resourceId":"$default","httpMethod":"GET"}}""", HttpEventKind.ApiGatewayV1)]
    [InlineData("""{"httpMethod":"GET","path":"/x","requestContext":{}}""", HttpEventKind.ApiGatewayV1)]
    [InlineData("""{"version":"2.0","rawPath":"/x","requestContext":{"http":{"method":"GET","path":"/x"}}}""", HttpEventKind.ApiGatewayV2)]
    [InlineData("""{"requestContext":{"elb":{"targetGroupArn":"arn"}},"httpMethod":"GET","path":"/x","multiValueQueryStringParameters":{}}""", HttpEventKind.AlbMultiValue)]
    [InlineData("""{"requestContext":{"elb":{"targetGroupArn":"arn"}},"httpMethod":"GET","path":"/x","multiValueHeaders":null,"headers":{}}""", HttpEventKind.Alb)]
    public void TryParse_MinimalEvents_DetectsKindFromMarkers(string input, HttpEventKind expected)
    {
        var json = Encoding.UTF8.GetBytes(input);

        var parsed = HttpEventParser.TryParse(json, out var request);

        Assert.True(parsed);
        Assert.Equal(expected, request!.Kind);
        Assert.Equal("/x", request.Path);
    }

    [Fact]
    public void TryParse_EscapedPropertyNames_StillRecognised()
    {
        var json = """{"requestContext":{"\u0065lb":{}},"httpMethod":"GET","path":"/"}"""u8;

        var parsed = HttpEventParser.TryParse(json, out var request);

        Assert.True(parsed);
        Assert.Equal(HttpEventKind.Alb, request!.Kind);
    }
}
