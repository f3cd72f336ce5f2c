using System.Text;
using System.Text.Json;
using LambdaSuite.Events.Http;

namespace Shared.Tests.Events.Http;

public class HttpResponseWriterTests
{
    [Fact]
    public void Write_AlbSingleValue_HasStatusDescriptionAndSingleHeaders()
    {
        var response = HttpResponse.Text(404, "no such device");
        response.Headers.Add("X-Reason", "a");
        response.Headers.Add("x-reason", "b");

        using var json = JsonDocument.Parse(HttpResponseWriter.Write(HttpEventKind.Alb, response));

        var root = json.RootElement;
        Assert.Equal(404, root.GetProperty("statusCode").GetInt32());
        Assert.Equal("404 Not Found", root.GetProperty("statusDescription").GetString());
        Assert.Equal("a, b", root.GetProperty("headers").GetProperty("X-Reason").GetString());
        Assert.Equal("text/plain; charset=utf-8", root.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.False(root.TryGetProperty("multiValueHeaders", out _));
        Assert.Equal("no such device", root.GetProperty("body").GetString());
        Assert.False(root.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public void Write_AlbSingleValueWithTwoCookies_SendsLastCookieOnly()
    {
        var response = HttpResponse.Status(204);
        response.Cookies.Add("a=1");
        response.Cookies.Add("b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT");

        using var json = JsonDocument.Parse(HttpResponseWriter.Write(HttpEventKind.Alb, response));

        Assert.Equal("b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT", json.RootElement.GetProperty("headers").GetProperty("Set-Cookie").GetString());
        Assert.Equal("204 No Content", json.RootElement.GetProperty("statusDescription").GetString());
    }

    [Fact]
    public void Write_AlbMultiValue_AnswersWithMultiValueHeaders()
    {
        var response = HttpResponse.Json(201, """{"id":"d-1"}"""u8.ToArray());
        response.Headers.Add("Set-Cookie", "a=1");
        response.Cookies.Add("b=2");
        response.Headers.Add("Vary", "Accept");
        response.Headers.Add("Vary", "Origin");

        using var json = JsonDocument.Parse(HttpResponseWriter.Write(HttpEventKind.AlbMultiValue, response));

        var root = json.RootElement;
        var headers = root.GetProperty("multiValueHeaders");
        Assert.False(root.TryGetProperty("headers", out _));
        Assert.Equal("201 Created", root.GetProperty("statusDescription").GetString());
        Assert.Equal(["b=2", "a=1"], headers.GetProperty("Set-Cookie").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Accept", "Origin"], headers.GetProperty("Vary").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("""{"id":"d-1"}""", root.GetProperty("body").GetString());
    }

    [Fact]
    public void Write_ApiGatewayV1_UsesMultiValueHeadersAndNoStatusDescription()
    {
        var response = HttpResponse.Text(200, "ok");
        response.Cookies.Add("a=1");
        response.Cookies.Add("b=2");

        using var json = JsonDocument.Parse(HttpResponseWriter.Write(HttpEventKind.ApiGatewayV1, response));

        var root = json.RootElement;
        Assert.False(root.TryGetProperty("statusDescription", out _));
        Assert.Equal(2, root.GetProperty("multiValueHeaders").GetProperty("Set-Cookie").GetArrayLength());
        Assert.Equal("ok", root.GetProperty("body").GetString());
    }

    [Fact]
    public void Write_ApiGatewayV2_PutsCookiesInCookiesList()
    {
        var response = HttpResponse.Text(200, "ok");
        response.Headers.Add("set-cookie", "a=1");
        response.Cookies.Add("b=2");

        using var json = JsonDocument.Parse(HttpResponseWriter.Write(HttpEventKind.ApiGatewayV2, response));

        var root = json.RootElement;
        Assert.Equal(["b=2", "a=1"], root.GetProperty("cookies").EnumerateArray().Select(e => e.GetString()));
        Assert.False(root.GetProperty("headers").TryGetProperty("set-cookie", out _));
        Assert.False(root.TryGetProperty("multiValueHeaders", out _));
        Assert.False(root.TryGetProperty("statusDescription", out _));
    }

    [Fact]
    public void Write_ApiGatewayV2WithoutCookies_OmitsCookies()
    {
        var response = HttpResponse.Status(204);

        using var json = JsonDocument.Parse(HttpResponseWriter.Write(HttpEventKind.ApiGatewayV2, response));

        Assert.False(json.RootElement.TryGetProperty("cookies", out _));
        Assert.Equal("", json.RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public void Write_BinaryBody_IsBase64Encoded()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var response = HttpResponse.Bytes(200, png, "image/png");

        using var json = JsonDocument.Parse(HttpResponseWriter.Write(HttpEventKind.ApiGatewayV1, response));

        Assert.True(json.RootElement.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(png, Convert.FromBase64String(json.RootElement.GetProperty("body").GetString()!));
    }

    [Fact]
    public void Write_TextContentTypeWithInvalidUtf8_FallsBackToBase64()
    {
        byte[] notUtf8 = [0x66, 0xFF, 0x6F];
        var response = HttpResponse.Bytes(200, notUtf8, "text/plain");

        using var json = JsonDocument.Parse(HttpResponseWriter.Write(HttpEventKind.Alb, response));

        Assert.True(json.RootElement.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(notUtf8, Convert.FromBase64String(json.RootElement.GetProperty("body").GetString()!));
    }

    [Theory]
    [InlineData("alb-single-value.json", "headers")]
    [InlineData("alb-multi-value.json", "multiValueHeaders")]
    [InlineData("apigateway-v1-proxy.json", "multiValueHeaders")]
    [InlineData("apigateway-v2-http.json", "headers")]
    public void Write_ForParsedRequest_AnswersInRequestsMode(string file, string headerProperty)
    {
        HttpEventParser.TryParse(EventSamples.Load(file), out var request);
        var response = HttpResponse.Text(200, "é");

        using var json = JsonDocument.Parse(HttpResponseWriter.Write(request!, response));

        Assert.True(json.RootElement.TryGetProperty(headerProperty, out _));
        Assert.Equal("é", json.RootElement.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/problem+json; charset=utf-8", true)]
    [InlineData("TEXT/HTML", true)]
    [InlineData("image/svg+xml", true)]
    [InlineData("application/octet-stream", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsTextContentType_MediaType_DecidesTextOrBase64(string? contentType, bool expected)
    {
        var isText = HttpResponseWriter.IsTextContentType(contentType);

        Assert.Equal(expected, isText);
    }

    [Fact]
    public void Constructor_StatusOutOfRange_Throws()
    {
        var build = () => new HttpResponse(99);

        Assert.Throws<ArgumentOutOfRangeException>(build);
    }

    [Fact]
    public void StatusDescription_UnregisteredCode_UsesClassName()
    {
        var text = HttpReasonPhrases.StatusDescription(299);

        Assert.Equal("299 Success", text);
    }
}
