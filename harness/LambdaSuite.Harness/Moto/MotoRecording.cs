using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LambdaSuite.Harness.Moto;

/// <summary>
/// What moto's IoT Data plane received, read back through moto's own API, for the tests and the demo alike. moto
/// 5.2.1 keeps each Publish only in its backend's memory (<c>IoTDataPlaneBackend.published_payloads</c>), which no
/// API returns: <c>/moto-api/data.json</c> lists model instances only, and IoT Data has no subscribe call. moto's
/// request recorder (<c>/moto-api/recorder/</c>) is the server-side way: while it is on, every request moto serves is
/// appended to a file that <c>download-recording</c> returns, with its method, URL, headers and body. Recording is one
/// switch for the whole server and every test process shares the server, so it is only ever turned on, never off or
/// reset (another test may be between its publish and its read); callers tell their publishes apart by a topic of
/// their own, or by reading only what was recorded after a mark.
/// </summary>
public static class MotoRecording
{
    private const string TopicsPath = "/topics/";

    /// <summary>Turns moto's recorder on (idempotent) and returns the number of requests recorded so far: a mark to read after.</summary>
    public static async Task<int> StartAsync(Uri moto, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(moto);
        using var http = new HttpClient { BaseAddress = moto, Timeout = TimeSpan.FromSeconds(30) };
        using (var response = await http.PostAsync(new Uri("/moto-api/recorder/start-recording", UriKind.Relative), content: null, cancellationToken).ConfigureAwait(false))
        {
            response.EnsureSuccessStatusCode();
        }

        return (await ReadAsync(moto, cancellationToken).ConfigureAwait(false)).Count;
    }

    /// <summary>The IoT Data publishes recorded after <paramref name="mark"/> whose topic <paramref name="topicMatches"/>, in the order moto received them.</summary>
    public static async Task<IReadOnlyList<MotoIotPublish>> IotPublishesAsync(Uri moto, Func<string, bool> topicMatches, int mark = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(moto);
        ArgumentNullException.ThrowIfNull(topicMatches);
        var publishes = new List<MotoIotPublish>();
        foreach (var entry in (await ReadAsync(moto, cancellationToken).ConfigureAwait(false)).Skip(mark))
        {
            if (TryReadPublish(entry, out var publish) && topicMatches(publish.Topic))
            {
                publishes.Add(publish);
            }
        }

        return publishes;
    }

    private static async Task<List<JsonElement>> ReadAsync(Uri moto, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = moto, Timeout = TimeSpan.FromSeconds(60) };
        var recording = await http.GetByteArrayAsync(new Uri("/moto-api/recorder/download-recording", UriKind.Relative), cancellationToken).ConfigureAwait(false);

        // One JSON object per request, meant one per line; but moto writes the object and its newline as two writes,
        // so requests served side by side can leave "{A}{B}\n\n". Read the file as a stream of values instead, up to
        // its last newline: a request being recorded right now may be half written, and ours were answered already,
        // after their newline was written.
        var complete = recording.AsSpan(0, recording.AsSpan().LastIndexOf((byte)'\n') + 1);
        var reader = new Utf8JsonReader(complete, new JsonReaderOptions { AllowMultipleValues = true });
        var entries = new List<JsonElement>();
        while (reader.Read())
        {
            using var entry = JsonDocument.ParseValue(ref reader);
            entries.Add(entry.RootElement.Clone());
        }

        return entries;
    }

    // A Publish is POST /topics/{topic}?qos=N signed for the iotdata service; S3 or another service could have a
    // "/topics/" path too, so the credential scope decides.
    private static bool TryReadPublish(JsonElement entry, out MotoIotPublish publish)
    {
        publish = null!;
        var url = new Uri(entry.GetProperty("url").GetString() ?? "");
        var authorization = entry.GetProperty("headers").TryGetProperty("Authorization", out var header) ? header.GetString() ?? "" : "";
        if (entry.GetProperty("method").GetString() != "POST" || !url.AbsolutePath.StartsWith(TopicsPath, StringComparison.Ordinal)
            || !authorization.Contains("/iotdata/aws4_request", StringComparison.Ordinal))
        {
            return false;
        }

        var topic = Uri.UnescapeDataString(url.AbsolutePath[TopicsPath.Length..]);
        var qos = url.Query.TrimStart('?').Split('&').FirstOrDefault(p => p.StartsWith("qos=", StringComparison.Ordinal)) is { } q
            ? int.Parse(q["qos=".Length..], CultureInfo.InvariantCulture)
            : 0;
        var body = entry.GetProperty("body").GetString() ?? "";
        var payload = entry.GetProperty("body_encoded").GetBoolean() ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
        publish = new MotoIotPublish(topic, qos, payload);
        return true;
    }
}
