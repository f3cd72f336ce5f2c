using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using LambdaSuite.Aws.Retry;

namespace LambdaSuite.Aws.Http;

/// <summary>
/// Turns a non-2xx answer into <see cref="AwsServiceException"/>. Codes come from, in order: the
/// <c>x-amzn-ErrorType</c> header, the JSON <c>__type</c>/<c>code</c> field, the XML <c>Error/Code</c> element
/// (or the root element's name, as Route 53's InvalidChangeBatch uses), then the HTTP status.
/// </summary>
public static class AwsErrorParser
{
    public static AwsServiceException Parse(string service, string operation, AwsProtocol protocol, HttpStatusCode status, Func<string, string?> header, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(header);
        string? code = CleanCode(header("x-amzn-ErrorType"));
        string? message = null;
        string? requestId = header("x-amzn-RequestId") ?? header("x-amz-request-id") ?? header("x-amz-requestid");

        var bodyFields = protocol is AwsProtocol.Json or AwsProtocol.RestJson ? FromJson(body) : FromXml(body);
        code ??= CleanCode(bodyFields.Code);
        message = bodyFields.Message ?? message;
        requestId ??= bodyFields.RequestId;

        code ??= status.ToString();
        message ??= string.Empty;
        var throttling = status == HttpStatusCode.TooManyRequests || ThrottlingErrorCodes.IsThrottling(service, code);
        var retryable = throttling || (int)status >= 500 || ThrottlingErrorCodes.IsTransient(code);
        return new AwsServiceException(service, operation, status, code, message, requestId, throttling, retryable);
    }

    /// <summary>
    /// Strips the decorations services add around a code: a namespace before '#'
    /// (<c>com.amazonaws.kinesis.v20131202#ResourceNotFoundException</c>) and a URL after ':'
    /// (<c>ThrottlingException:http://internal.amazon.com/...</c>).
    /// </summary>
    public static string? CleanCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var code = raw.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        return code.Length == 0 ? null : code;
    }

    private static (string? Code, string? Message, string? RequestId) FromJson(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return default;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            var root = document.RootElement;
            return (String(root, "__type") ?? String(root, "code") ?? String(root, "Code"),
                String(root, "message") ?? String(root, "Message") ?? String(root, "errorMessage"),
                null);
        }
        catch (JsonException)
        {
            // A proxy or load balancer answered with something other than JSON; the status code still tells enough.
            return default;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static (string? Code, string? Message, string? RequestId) FromXml(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return default;
        }

        try
        {
            var root = AwsXml.Parse(body).Root;
            if (root is null)
            {
                return default;
            }

            var error = root.Name.LocalName == "Error" ? root : AwsXml.Child(root, "Error");
            var requestId = AwsXml.Value(root, "RequestId") ?? AwsXml.Value(AwsXml.Child(root, "ResponseMetadata"), "RequestId");
            if (error is not null)
            {
                return (AwsXml.Value(error, "Code"), AwsXml.Value(error, "Message"), requestId ?? AwsXml.Value(error, "RequestId"));
            }

            // Route 53 answers some errors as <InvalidChangeBatch><Messages><Message>...</Message></Messages></InvalidChangeBatch>.
            var messages = AwsXml.Child(root, "Messages")?.Elements().Select(e => e.Value).ToArray();
            var message = messages is { Length: > 0 } ? string.Join("; ", messages) : AwsXml.Value(root, "Message");
            return (root.Name.LocalName, message, requestId);
        }
        catch (XmlException)
        {
            return default;
        }
    }
}
