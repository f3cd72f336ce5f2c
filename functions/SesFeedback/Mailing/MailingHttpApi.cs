using System.Buffers;
using System.Text.Json;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Events.Http;
using SesFeedback.Http;

namespace SesFeedback.Mailing;

/// <summary>
/// The HTTP routes, through ALB or API Gateway: <c>GET /mailing/{address}</c> (the record as JSON, 200 or 404) and
/// <c>GET /health</c> (200, touches no table). Paths match only in exactly that shape; methods are case-sensitive
/// (RFC 9110 section 9.1), so <c>get</c> is answered 405 like any other method but GET and HEAD; HEAD answers
/// GET's status and headers without a body.
/// </summary>
internal static class MailingHttpApi
{
    private static readonly byte[] s_healthBody = """{"status":"ok","function":"SesFeedback"}"""u8.ToArray();

    /// <summary>The answer to an HTTP event, or null when <paramref name="eventJson"/> is not an HTTP event.</summary>
    public static async Task<byte[]?> HandleAsync(ReadOnlyMemory<byte> eventJson, MailingStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var read = HttpEventReader.Read(eventJson.Span);
        if (read is null)
        {
            return null;
        }

        if (read.Error is not null)
        {
            return HttpResponseWriter.Write(read.Kind, Error(400, "bad_request", read.Error));
        }

        var response = await RouteAsync(read, store, cancellationToken).ConfigureAwait(false);
        return HttpResponseWriter.Write(read.Kind, read.RawMethod == "HEAD" ? WithoutBody(response) : response);
    }

    private static async Task<HttpResponse> RouteAsync(HttpRead read, MailingStore store, CancellationToken cancellationToken)
    {
        var segments = RoutePath.Segments(read.RawPath);
        var isHealth = segments is ["health"];
        if (!isHealth && segments is not ["mailing", _])
        {
            return Error(404, "not_found", "No such resource.");
        }

        if (read.RawMethod is not ("GET" or "HEAD"))
        {
            var notAllowed = Error(405, "method_not_allowed", "Only GET and HEAD are supported (methods are case-sensitive).");
            notAllowed.Headers.Add("Allow", "GET, HEAD");
            return notAllowed;
        }

        if (isHealth)
        {
            return HttpResponse.Json(200, s_healthBody);
        }

        if (!EmailAddress.TryNormalize(Uri.UnescapeDataString(segments![1]), out var address))
        {
            return Error(400, "invalid_address", "The path does not name an email address.");
        }

        var record = await store.GetAsync(address, cancellationToken).ConfigureAwait(false);
        return record is null
            ? Error(404, "unknown_address", "No feedback has been recorded for this address.")
            : HttpResponse.Json(200, MailingRecordJson.Serialize(record));
    }

    private static HttpResponse WithoutBody(HttpResponse response)
    {
        var head = new HttpResponse(response.StatusCode) { ContentType = response.ContentType };
        foreach (var (name, values) in response.Headers)
        {
            foreach (var value in values)
            {
                head.Headers.Add(name, value);
            }
        }

        return head;
    }

    private static HttpResponse Error(int status, string code, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("error", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        return HttpResponse.Json(status, buffer.WrittenSpan.ToArray());
    }
}
