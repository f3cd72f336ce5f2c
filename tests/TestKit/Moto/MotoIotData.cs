using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LambdaSuite.TestKit.Moto;

/// <summary>
/// Reads back what the stack's moto received on IoT Data's Publish, without our client. moto 5.2.1 keeps published
/// payloads only inside its backend (<c>IoTDataPlaneBackend.published_payloads</c>): neither <c>/moto-api/data.json</c>
/// (model instances only) nor any other moto-api endpoint returns them. Its request recorder does: once
/// <c>/moto-api/recorder/start-recording</c> is called, moto appends every request it receives, body included
/// (base64 when binary), to a log served by <c>/moto-api/recorder/download-recording</c>. Recording is global to the
/// moto process, so tests start it (idempotent) and never stop or reset it, and pick their publishes by a topic unique
/// to the test. What it shows is the request moto accepted, not moto's stored state; a Publish answered 200 is stored.
/// </summary>
public static class MotoIotData
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task StartRecordingAsync()
    {
        using var response = await s_http.PostAsync(new Uri(LocalStack.Moto, "/moto-api/recorder/start-recording"), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every publish moto recorded to <paramref name="topic"/>, in arrival order.</summary>
    public static async Task<IReadOnlyList<MotoPublish>> PublishedAsync(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        var log = await s_http.GetStringAsync(new Uri(LocalStack.Moto, "/moto-api/recorder/download-recording"));
        var found = new List<MotoPublish>();
        foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryRead(line) is { } publish && publish.Topic == topic)
            {
                found.Add(publish);
            }
        }

        return found;
    }

    private static MotoPublish? TryRead(string line)
    {
        JsonDocument entry;
        try
        {
            entry = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            // The log is appended while it is read: a last line cut short is skipped, the next read has it whole.
            return null;
        }

        using (entry)
        {
            var root = entry.RootElement;
            var url = new Uri(root.GetProperty("url").GetString() ?? "");
            if (root.GetProperty("method").GetString() != "POST" || !url.AbsolutePath.StartsWith("/topics/", StringComparison.Ordinal))
            {
                return null;
            }

            var topic = string.Join('/', url.AbsolutePath["/topics/".Length..].Split('/').Select(Uri.UnescapeDataString));
            var qos = url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "qos") is [_, var value]
                ? int.Parse(value, CultureInfo.InvariantCulture)
                : 0;
            var body = root.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : "";
            var payload = root.TryGetProperty("body_encoded", out var encoded) && encoded.ValueKind == JsonValueKind.True
                ? Convert.FromBase64String(body)
                : Encoding.UTF8.GetBytes(body);
            return new MotoPublish(topic, qos, payload);
        }
    }
}
