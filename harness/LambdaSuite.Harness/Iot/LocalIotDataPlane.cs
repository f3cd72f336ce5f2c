using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MQTTnet;
using MQTTnet.Protocol;

namespace LambdaSuite.Harness.Iot;

/// <summary>
/// A local AWS IoT Data plane for the one operation the functions use, <c>Publish</c>
/// (<c>POST /topics/{topic}?qos=0|1</c>, the body is the payload): plain HTTP on loopback, SigV4 not verified, and
/// the message published into the stack's mosquitto as the IoT Data identity, whose ACL allows only the answer
/// topics. Point a function's <c>AWS_ENDPOINT_URL_IOT_DATA_PLANE</c> at <see cref="Endpoint"/>. A publish the broker
/// refuses answers 403 <c>ForbiddenException</c>, as IoT Data answers a publish its policy denies.
/// </summary>
public sealed class LocalIotDataPlane : IAsyncDisposable
{
    private const string TopicsPath = "/topics/";
    private readonly IMqttClient _client;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly MqttClientOptions _options;
    private WebApplication? _app;
    private int _published;

    private LocalIotDataPlane(IMqttClient client, MqttClientOptions options)
    {
        _client = client;
        _options = options;
    }

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>How many messages the broker accepted through this plane.</summary>
    public int Published => Volatile.Read(ref _published);

    public static async Task<LocalIotDataPlane> StartAsync(MqttStack stack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        using var identity = stack.LoadIdentity(MqttStack.IotDataIdentity);
        var plane = new LocalIotDataPlane(
            new MqttClientFactory().CreateMqttClient(),
            stack.ClientOptions(identity, MqttStack.IotDataIdentity + "-" + Guid.NewGuid().ToString("N")[..8]));
        await plane._client.ConnectAsync(plane._options, cancellationToken).ConfigureAwait(false);
        (plane._app, plane.Endpoint) = await LoopbackServer.StartAsync(plane.HandleAsync, cancellationToken).ConfigureAwait(false);
        return plane;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        if (!HttpMethods.IsPost(request.Method) || !path.StartsWith(TopicsPath, StringComparison.Ordinal) || path.Length == TopicsPath.Length)
        {
            await AnswerAsync(context, 404, "ResourceNotFoundException", "Only POST /topics/{topic} (IoT Data Publish) is served here.").ConfigureAwait(false);
            return;
        }

        // Each level was percent-encoded on its own, so '/' separators stay separators.
        var topic = string.Join('/', path[TopicsPath.Length..].Split('/').Select(Uri.UnescapeDataString));
        var qos = request.Query["qos"].ToString() switch
        {
            "" or "0" => MqttQualityOfServiceLevel.AtMostOnce,
            "1" => MqttQualityOfServiceLevel.AtLeastOnce,
            _ => (MqttQualityOfServiceLevel?)null,
        };
        if (qos is null || topic.Contains('+', StringComparison.Ordinal) || topic.Contains('#', StringComparison.Ordinal))
        {
            await AnswerAsync(context, 400, "InvalidRequestException", "qos must be 0 or 1 and the topic must hold no wildcard.").ConfigureAwait(false);
            return;
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        await EnsureConnectedAsync(context.RequestAborted).ConfigureAwait(false);
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(body.ToArray()).WithQualityOfServiceLevel(qos.Value).Build();
        var result = await _client.PublishAsync(message, context.RequestAborted).ConfigureAwait(false);
        if (result.ReasonCode == MqttClientPublishReasonCode.NotAuthorized)
        {
            await AnswerAsync(context, 403, "ForbiddenException", $"The broker refused the publish on {topic} (not authorized).").ConfigureAwait(false);
            return;
        }

        if (!result.IsSuccess && result.ReasonCode != MqttClientPublishReasonCode.NoMatchingSubscribers)
        {
            await AnswerAsync(context, 503, "ServiceUnavailableException", $"The broker did not take the publish on {topic} ({result.ReasonCode}).").ConfigureAwait(false);
            return;
        }

        Interlocked.Increment(ref _published);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{}", context.RequestAborted).ConfigureAwait(false);
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return;
        }

        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_client.IsConnected)
            {
                await _client.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _connecting.Release();
        }
    }

    private static async Task AnswerAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-ErrorType"] = type;
        await context.Response.WriteAsync(
            "{\"message\":\"" + System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(message) + "\"}", Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }

        _client.Dispose();
        _connecting.Dispose();
    }
}
