using System.Globalization;
using System.Text;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.IotData;

/// <summary>
/// AWS IoT Data Plane's HTTPS publish (<c>POST /topics/{topic}?qos=N</c>, REST-JSON errors, signing name
/// <c>iotdata</c>). In-house because AWSSDK.IotData is not served by the NuGet registry these machines reach; an MQTT
/// library (MQTTnet is served) would add a connection and session where one signed HTTPS POST per message does. The
/// operation and field names follow the SDK so it can replace this class.
/// </summary>
public sealed class IotDataClient(AwsHttp http) : IIotDataClient
{
    /// <summary>IAM actions the operations here need: the data plane's HTTPS Publish is authorised by <c>iot:Publish</c> on the topic.</summary>
    public static IReadOnlyList<string> IamActions { get; } = ["iot:Publish"];

    public AwsHttp Http { get; } = http ?? throw new ArgumentNullException(nameof(http));

    public IotDataClient WithDeadline(DateTimeOffset deadline) => new(Http.WithDeadline(deadline));

    IIotDataClient IIotDataClient.WithDeadline(DateTimeOffset deadline) => WithDeadline(deadline);

    public Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Qos is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Qos, "IoT Data publishes with QoS 0 or 1.");
        }

        var uri = Http.UriFor(PathAndQuery(request));
        var payload = request.Payload.ToArray();
        return Http.SendAsync(
            "Publish",
            AwsProtocol.RestJson,
            () => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(payload) },
            _ => new PublishResponse(),
            cancellationToken);
    }

    /// <summary>
    /// <c>/topics/{topic}</c> with each topic segment percent-encoded on its own, so the '/' separators stay path
    /// separators while spaces, '#', '?' and '%' inside a segment cannot change the URL's meaning.
    /// </summary>
    public static string PathAndQuery(PublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Topic);
        var text = new StringBuilder("/topics/");
        text.AppendJoin('/', request.Topic.Split('/').Select(Uri.EscapeDataString));
        text.Append("?qos=").Append(request.Qos.ToString(CultureInfo.InvariantCulture));
        if (request.Retain)
        {
            text.Append("&retain=true");
        }

        AppendQuery(text, "contentType", request.ContentType);
        AppendQuery(text, "responseTopic", request.ResponseTopic);
        AppendQuery(text, "messageExpiry", request.MessageExpiry?.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private static void AppendQuery(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
