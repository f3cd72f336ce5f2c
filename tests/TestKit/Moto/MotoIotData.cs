using System.Globalization;
using System.Text.Json;

namespace LambdaSuite.TestKit.Moto;

/// <summary>
/// Reads back what was published to moto's IoT Data plane, through moto's own API. moto 5.2.1 keeps each Publish
/// only in its backend's memory (<c>IoTDataPlaneBackend.published_payloads</c>), which no API returns:
/// <c>/moto-api/data.json</c> lists model instances only, and IoT Data has no subscribe call. moto's request recorder
/// (<c>/moto-api/recorder/</c>) is the server-side way: while it is on, every request moto serves is appended to
/// a file that <c>download-recording</c> returns, with its method, URL, headers and body. Recording is one switch for
/// the whole server and every test process shares the server, so it is only ever turned on, never off or reset
/// (another test may be between its publish and its read), and a test tells its publishes apart by a topic of its own.
/// </summary>
public static class MotoIotData
{
    private const string TopicsPath = "/topics/";

    /// <summary>Turns moto's recorder on (idempotent); publishes made before this are not seen.</summary>
    public static async Task StartRecordingAsync(CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = LocalStack.Moto, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsync(new Uri("/moto-api/recorder/start-recording", UriKind.Relative), content: null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The Publish requests to <paramref name="topic"/> that moto recorded, in the order it received them.</summary>
    public static async Task<IReadOnlyList<MotoIotPublish>> PublishedAsync(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        using var http = new HttpClient { BaseAddress = LocalStack.Moto, Timeout = TimeSpan.FromSeconds(60) };
        var recording = await http.GetByteArrayAsync(new Uri("/moto-api/recorder/download-recording", UriKind.Relative), cancellationToken);
        var publishes = new List<MotoIotPublish>();

        // One JSON object per request, meant one per line; but moto writes the object and its newline as two writes,
        // so requests served side by side can leave "{A}{B}\n\n". Read the file as a stream of values instead, up to
        // its last newline: a request being recorded right now may be half written, and ours were answered already,
        // after their newline was written.
        var complete = recording.AsSpan(0, recording.AsSpan().LastIndexOf((byte)'\n') + 1);
        var reader = new Utf8JsonReader(complete, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var entry = JsonDocument.ParseValue(ref reader);
            if (TryReadPublish(entry.RootElement, out var publish) && publish.Topic == topic)
            {
                publishes.Add(publish);
            }
        }

        return publishes;
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
        var payload = entry.GetProperty("body_encoded").GetBoolean() ? Convert.FromBase64String(body) : System.Text.Encoding.UTF8.GetBytes(body);
        publish = new MotoIotPublish(topic, qos, payload);
        return true;
    }
}
