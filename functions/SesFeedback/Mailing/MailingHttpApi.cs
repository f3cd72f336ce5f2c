using System.Text;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Events.Http;

namespace SesFeedback.Mailing;

/// <summary><c>GET /mailing/{address}</c>: the address's record as JSON (200) or 404, through ALB or API Gateway.</summary>
public static class MailingHttpApi
{
    public static async Task<byte[]> HandleAsync(HttpRequest request, MailingStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        var segments = request.PathSegments;
        var at = IndexOfMailing(segments);
        if (at < 0 || at != segments.Count - 2)
        {
            return HttpResponseWriter.Write(request, Error(404, "not_found", "No such resource."));
        }

        if (request.Method is not ("GET" or "HEAD"))
        {
            var notAllowed = Error(405, "method_not_allowed", "Only GET is supported.");
            notAllowed.Headers.Add("Allow", "GET, HEAD");
            return HttpResponseWriter.Write(request, notAllowed);
        }

        if (!EmailAddress.TryNormalize(segments[at + 1], out var address))
        {
            return HttpResponseWriter.Write(request, Error(400, "invalid_address", "The path does not name an email address."));
        }

        var record = await store.GetAsync(address, cancellationToken).ConfigureAwait(false);
        var response = record is null
            ? Error(404, "unknown_address", "No feedback has been recorded for this address.")
            : HttpResponse.Json(200, MailingRecordJson.Serialize(record));
        return HttpResponseWriter.Write(request, response);
    }

    private static int IndexOfMailing(IReadOnlyList<string> segments)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i] == "mailing")
            {
                return i;
            }
        }

        return -1;
    }

    private static HttpResponse Error(int status, string code, string message) =>
        HttpResponse.Json(status, Encoding.UTF8.GetBytes($$"""{"error":"{{code}}","message":"{{message}}"}"""));
}
