using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using LambdaSuite.Events.Detection;

namespace LambdaSuite.Events.Http;

/// <summary>
/// Turns an ALB, REST API (v1) or HTTP API (v2) event into one <see cref="HttpRequest"/>. Which of them an event is
/// comes from <see cref="EventShapeDetector"/>, the one detector; hand its <see cref="DetectedEvent.HttpKind"/> to
/// <see cref="TryParse(ReadOnlySpan{byte}, HttpEventKind, out HttpRequest?)"/> so the event is not classified twice.
/// </summary>
public static class HttpEventParser
{
    /// <summary>
    /// Detects and parses an HTTP event. False (and no exception) for JSON that is not an HTTP event, lacks a method
    /// or path, or flags a body as base64 that is not.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> json, [NotNullWhen(true)] out HttpRequest? request)
    {
        var detected = EventShapeDetector.Read(json);
        if (detected.Shape != EventShape.Http)
        {
            request = null;
            return false;
        }

        return TryParse(json, detected.HttpKind, out request);
    }

    /// <summary>Parses an event the detector found to be HTTP of <paramref name="kind"/>; false as for the overload above.</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, HttpEventKind kind, [NotNullWhen(true)] out HttpRequest? request)
    {
        try
        {
            request = kind switch
            {
                HttpEventKind.Alb or HttpEventKind.AlbMultiValue =>
                    Deserialize(json, HttpEventJsonContext.Default.AlbRequest) is { } alb ? FromAlb(alb) : null,
                HttpEventKind.ApiGatewayV1 =>
                    Deserialize(json, HttpEventJsonContext.Default.ApiGatewayProxyRequest) is { } v1 ? FromApiGatewayV1(v1) : null,
                _ => Deserialize(json, HttpEventJsonContext.Default.ApiGatewayHttpApiRequest) is { } v2 ? FromApiGatewayV2(v2) : null,
            };
        }
        catch (JsonException)
        {
            request = null;
        }
        catch (InvalidEventException)
        {
            request = null;
        }

        return request is not null;
    }

    /// <summary>Like <see cref="TryParse"/>, but throws <see cref="InvalidEventException"/> on failure.</summary>
    public static HttpRequest Parse(ReadOnlySpan<byte> json) =>
        TryParse(json, out var request)
            ? request
            : throw new InvalidEventException($"Event of {json.Length} bytes is not a well-formed ALB or API Gateway HTTP event.");

    /// <summary>Normalises an ALB request. ALB passes query names and values percent-encoded, so they are decoded here.</summary>
    public static HttpRequest FromAlb(AlbRequest alb)
    {
        ArgumentNullException.ThrowIfNull(alb);
        var multiValue = alb.MultiValueHeaders is not null || alb.MultiValueQueryStringParameters is not null;
        var headers = ToCollection(alb.MultiValueHeaders, alb.Headers, HttpValueCollection.ForHeaders(), decode: false);
        var query = ToCollection(alb.MultiValueQueryStringParameters, alb.QueryStringParameters, HttpValueCollection.ForQuery(), decode: true);
        return new HttpRequest(
            multiValue ? HttpEventKind.AlbMultiValue : HttpEventKind.Alb,
            Require(alb.HttpMethod, "httpMethod"),
            Require(alb.Path, "path"))
        {
            Headers = headers,
            Query = query,
            Cookies = CookiesFromHeader(headers),
            Body = DecodeBody(alb.Body, alb.IsBase64Encoded),
            SourceIp = FirstForwardedFor(headers),
            RequestId = headers["x-amzn-trace-id"],
        };
    }

    /// <summary>Normalises a REST API (v1) request; its query maps arrive decoded already.</summary>
    public static HttpRequest FromApiGatewayV1(ApiGatewayProxyRequest v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var headers = ToCollection(v1.MultiValueHeaders, v1.Headers, HttpValueCollection.ForHeaders(), decode: false);
        var query = ToCollection(v1.MultiValueQueryStringParameters, v1.QueryStringParameters, HttpValueCollection.ForQuery(), decode: false);
        return new HttpRequest(
            HttpEventKind.ApiGatewayV1,
            Require(v1.HttpMethod ?? v1.RequestContext?.HttpMethod, "httpMethod"),
            Require(v1.Path ?? v1.RequestContext?.Path, "path"))
        {
            Headers = headers,
            Query = query,
            Cookies = CookiesFromHeader(headers),
            PathParameters = v1.PathParameters ?? [],
            Body = DecodeBody(v1.Body, v1.IsBase64Encoded),
            SourceIp = v1.RequestContext?.Identity?.SourceIp,
            RequestId = v1.RequestContext?.RequestId,
        };
    }

    /// <summary>
    /// Normalises an HTTP API (v2) request. The query comes from <c>rawQueryString</c> when present, because the
    /// comma-joined <c>queryStringParameters</c> cannot tell a repeated name from a value containing a comma.
    /// </summary>
    public static HttpRequest FromApiGatewayV2(ApiGatewayHttpApiRequest v2)
    {
        ArgumentNullException.ThrowIfNull(v2);
        var headers = ToCollection(null, v2.Headers, HttpValueCollection.ForHeaders(), decode: false);
        var query = v2.RawQueryString is not null
            ? UrlEncoding.ParseQueryString(v2.RawQueryString)
            : ToCollection(null, v2.QueryStringParameters, HttpValueCollection.ForQuery(), decode: false);
        IReadOnlyList<string> cookies = v2.Cookies is { Count: > 0 } list ? list : CookiesFromHeader(headers);
        return new HttpRequest(
            HttpEventKind.ApiGatewayV2,
            Require(v2.RequestContext?.Http?.Method, "requestContext.http.method"),
            Require(v2.RawPath ?? v2.RequestContext?.Http?.Path, "rawPath"))
        {
            Headers = headers,
            Query = query,
            Cookies = cookies,
            PathParameters = v2.PathParameters ?? [],
            Body = DecodeBody(v2.Body, v2.IsBase64Encoded),
            SourceIp = v2.RequestContext?.Http?.SourceIp,
            RequestId = v2.RequestContext?.RequestId,
            IamCallerArn = v2.RequestContext?.Authorizer?.Iam?.UserArn is { Length: > 0 } caller ? caller : null,
        };
    }

    private static T? Deserialize<T>(ReadOnlySpan<byte> json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(json, typeInfo);

    private static string Require(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw new InvalidEventException($"HTTP event has no {field}.") : value;

    private static HttpValueCollection ToCollection(
        Dictionary<string, List<string>>? multi,
        Dictionary<string, string>? single,
        HttpValueCollection target,
        bool decode)
    {
        if (multi is not null)
        {
            foreach (var (name, values) in multi)
            {
                foreach (var value in values)
                {
                    target.Add(decode ? UrlEncoding.DecodeQueryComponent(name) : name, decode ? UrlEncoding.DecodeQueryComponent(value) : value);
                }
            }
        }
        else if (single is not null)
        {
            foreach (var (name, value) in single)
            {
                target.Add(decode ? UrlEncoding.DecodeQueryComponent(name) : name, decode ? UrlEncoding.DecodeQueryComponent(value) : value);
            }
        }

        return target;
    }

    private static string[] CookiesFromHeader(HttpValueCollection headers)
    {
        var cookies = new List<string>();
        foreach (var header in headers.GetValues("cookie"))
        {
            foreach (var part in header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                cookies.Add(part);
            }
        }

        return [.. cookies];
    }

    private static string? FirstForwardedFor(HttpValueCollection headers)
    {
        var forwarded = headers["x-forwarded-for"];
        if (forwarded is null)
        {
            return null;
        }

        var comma = forwarded.IndexOf(',', StringComparison.Ordinal);
        return (comma < 0 ? forwarded : forwarded[..comma]).Trim();
    }

    private static byte[] DecodeBody(string? body, bool isBase64Encoded)
    {
        if (string.IsNullOrEmpty(body))
        {
            return [];
        }

        if (!isBase64Encoded)
        {
            return Encoding.UTF8.GetBytes(body);
        }

        try
        {
            return Convert.FromBase64String(body);
        }
        catch (FormatException ex)
        {
            throw new InvalidEventException("HTTP event body is flagged isBase64Encoded but is not valid base64.", ex);
        }
    }
}
