using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using Fanout.Delivery;
using LambdaSuite.Aws.Http;

namespace Fanout.Targets;

/// <summary>
/// OpenSearch <c>POST /_bulk</c> (SigV4, signing name <c>es</c>): one <c>index</c> action per entry with a
/// deterministic <c>_id</c> (the idempotency key), so a re-sent record overwrites itself instead of duplicating.
/// Each item's status is read: 429 and 5xx are retried, other errors go to the dead-letter destination.
/// </summary>
internal sealed class OpenSearchSender(AwsHttp http, string index) : ITargetSender
{
    /// <summary>
    /// What a domain with IAM-based access needs from the function's role (on <c>arn:…:es:…:domain/NAME/*</c>); a
    /// domain whose resource policy names the role, or one with open access, needs nothing from it.
    /// </summary>
    public static IReadOnlyList<string> IamActions { get; } = ["es:ESHttpPost"];

    private static readonly MediaTypeHeaderValue s_ndjson = MediaTypeHeaderValue.Parse("application/x-ndjson");

    public bool IsOrdered => false;

    public async Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var failures = new List<EntryFailure>();
        var sent = new List<int>(entries.Count);
        var body = new ArrayBufferWriter<byte>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (!TryWriteAction(body, entries[i]))
            {
                failures.Add(new EntryFailure(i, "NotJson", "OpenSearch documents must be JSON objects", Retryable: false));
                continue;
            }

            sent.Add(i);
        }

        if (sent.Count == 0)
        {
            return failures;
        }

        var payload = body.WrittenSpan.ToArray();
        var uri = http.UriFor("/_bulk");
        var items = await http.WithDeadline(deadline).SendAsync(
            "Bulk",
            AwsProtocol.RestJson,
            () => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(payload) { Headers = { ContentType = s_ndjson } } },
            response => ReadItems(response.Body),
            cancellationToken).ConfigureAwait(false);
        for (var k = 0; k < sent.Count; k++)
        {
            var (status, code, reason) = k < items.Count ? items[k] : (500, "MissingItem", "bulk answer has fewer items than actions");
            if (status is >= 200 and < 300)
            {
                continue;
            }

            failures.Add(new EntryFailure(sent[k], code, reason, Retryable: status == 429 || status >= 500, Throttled: status == 429));
        }

        return failures;
    }

    private bool TryWriteAction(ArrayBufferWriter<byte> body, OutgoingMessage entry)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(entry.Body, new JsonDocumentOptions { MaxDepth = MessageBuilder.MaxJsonDepth });
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            using (var writer = new Utf8JsonWriter(body))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("index");
                writer.WriteString("_index", index);
                writer.WriteString("_id", entry.IdempotencyKey);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            body.Write("\n"u8);
            // Written again, compact: a pretty-printed document would break the newline-delimited body.
            using (var writer = new Utf8JsonWriter(body))
            {
                document.RootElement.WriteTo(writer);
            }

            body.Write("\n"u8);
            return true;
        }
    }

    /// <summary>Status, error type and reason of every item of a bulk answer, in request order.</summary>
    public static List<(int Status, string Code, string Reason)> ReadItems(byte[] answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        using var document = JsonDocument.Parse(answer);
        var items = new List<(int, string, string)>();
        if (!document.RootElement.TryGetProperty("items", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("Bulk answer has no items array.");
        }

        foreach (var item in list.EnumerateArray())
        {
            var action = item.EnumerateObject().FirstOrDefault().Value;
            var status = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("status", out var s) && s.TryGetInt32(out var n) ? n : 500;
            string code = "", reason = "";
            if (action.ValueKind == JsonValueKind.Object && action.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                code = error.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
                reason = error.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "";
            }

            items.Add((status, code.Length > 0 ? code : status.ToString(System.Globalization.CultureInfo.InvariantCulture), reason));
        }

        return items;
    }
}
