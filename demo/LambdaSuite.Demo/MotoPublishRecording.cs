using System.Text.Json;

namespace LambdaSuite.Demo;

/// <summary>
/// The IoT Data publishes the stack's moto received, read back from moto's request recorder: moto 5.2.1 keeps
/// published payloads in its backend only, and its recorder (<c>/moto-api/recorder/...</c>) is the one place that
/// serves them. The tests read it the same way (TestKit's <c>MotoIotData</c>); the CLI never references test
/// helpers, so the demo keeps this small reader. Recording is global to moto and never stopped: a scene marks the
/// log's length first and reads only what came after.
/// </summary>
internal sealed class MotoPublishRecording
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Uri _moto;

    private MotoPublishRecording(Uri moto) => _moto = moto;

    /// <summary>The recorder of the moto that <c>AWS_ENDPOINT_URL_IOT_DATA_PLANE</c> names on this machine, or null (no local IoT Data).</summary>
    public static MotoPublishRecording? FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Uri.TryCreate(environment("AWS_ENDPOINT_URL_IOT_DATA_PLANE"), UriKind.Absolute, out var endpoint) && endpoint.IsLoopback
            ? new MotoPublishRecording(endpoint)
            : null;
    }

    /// <summary>Starts recording (idempotent) and returns the log's current length in lines, the mark to read from.</summary>
    public async Task<int> StartAsync(CancellationToken ct)
    {
        using (var started = await s_http.PostAsync(new Uri(_moto, "/moto-api/recorder/start-recording"), null, ct).ConfigureAwait(false))
        {
            started.EnsureSuccessStatusCode();
        }

        return (await LinesAsync(ct).ConfigureAwait(false)).Length;
    }

    /// <summary>The publishes after <paramref name="mark"/> whose topic starts with <paramref name="topicPrefix"/>, in arrival order.</summary>
    public async Task<IReadOnlyList<DemoPublish>> SinceAsync(int mark, string topicPrefix, CancellationToken ct)
    {
        var found = new List<DemoPublish>();
        foreach (var line in (await LinesAsync(ct).ConfigureAwait(false)).Skip(mark))
        {
            JsonDocument entry;
            try
            {
                entry = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                // moto appends while we read (other tests share it): a last line cut short is not one of ours yet.
                continue;
            }

            using var owned = entry;
            var root = entry.RootElement;
            var path = new Uri(root.GetProperty("url").GetString() ?? "").AbsolutePath;
            if (root.GetProperty("method").GetString() != "POST" || !path.StartsWith("/topics/", StringComparison.Ordinal))
            {
                continue;
            }

            var topic = string.Join('/', path["/topics/".Length..].Split('/').Select(Uri.UnescapeDataString));
            if (topic.StartsWith(topicPrefix, StringComparison.Ordinal))
            {
                // moto records a body it takes for binary (ours: bytes, not form text) in base64 and says so.
                var body = root.TryGetProperty("body", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
                var encoded = root.TryGetProperty("body_encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
                found.Add(new DemoPublish(topic, encoded ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body)) : body));
            }
        }

        return found;
    }

    private async Task<string[]> LinesAsync(CancellationToken ct)
    {
        var log = await s_http.GetStringAsync(new Uri(_moto, "/moto-api/recorder/download-recording"), ct).ConfigureAwait(false);
        return log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
