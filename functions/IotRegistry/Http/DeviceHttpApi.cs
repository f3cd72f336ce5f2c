using System.Globalization;
using System.Text.Json;
using IotRegistry.Activation;
using IotRegistry.Devices;
using IotRegistry.Input;
using IotRegistry.Json;
using IotRegistry.Lifecycle;
using LambdaSuite.Data.Devices;
using LambdaSuite.Events.Http;

namespace IotRegistry.Http;

/// <summary>
/// The HTTP door, for ALB and API Gateway alike (the events layer normalises them):
/// <c>GET /devices/{serialNumber}/{clientId}</c>, <c>POST /devices/{serialNumber}/{clientId}/activation</c> and
/// <c>GET /health</c> (answered without touching the table or the key, since a load balancer calls it every few seconds).
/// Routes are matched on the trailing path segments so a stage or base-path prefix does not matter; path
/// values arrive percent-decoded and are held to the same rules as JSON fields.
/// </summary>
internal sealed partial class DeviceHttpApi(IDeviceCatalog catalog, ActivationService activations, LifecycleService? lifecycle = null)
{
    private const string DevicesSegment = "devices";
    private const string ActivationSegment = "activation";
    private const string TransferSegment = "transfer";
    private const string UnbindSegment = "unbind";
    private const string DeregisterSegment = "deregister";
    private const string HistorySegment = "history";
    private const string HealthSegment = "health";

    /// <summary>The health route's whole body: constant, so answering it costs no serialisation and reads nothing.</summary>
    private static readonly byte[] s_healthy = "{\"status\":\"ok\"}"u8.ToArray();

    public async Task<HttpResponse> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var segments = request.PathSegments;
        if (segments.Count >= 4 && segments[^4] == DevicesSegment && segments[^1] == ActivationSegment)
        {
            return request.Method == "POST"
                ? await ActivateAsync(request, segments[^3], segments[^2], cancellationToken).ConfigureAwait(false)
                : MethodNotAllowed("POST");
        }

        if (lifecycle is not null && segments.Count >= 4 && segments[^4] == DevicesSegment
            && await LifecycleRouteAsync(lifecycle, request, segments[^1], segments[^3], segments[^2], cancellationToken).ConfigureAwait(false) is { } answer)
        {
            return answer;
        }

        if (segments.Count >= 3 && segments[^3] == DevicesSegment)
        {
            return request.Method is "GET"
                ? await GetDeviceAsync(segments[^2], segments[^1], cancellationToken).ConfigureAwait(false)
                : MethodNotAllowed("GET");
        }

        if (IsHealthRoute(segments))
        {
            return request.Method is "GET" or "HEAD" ? Healthy(request.Method) : MethodNotAllowed("GET, HEAD");
        }

        return Error(404, HttpErrorCodes.RouteNotFound, "No such route.");
    }

    /// <summary>
    /// <c>/health</c>, also behind a stage or base-path prefix (<c>/prod/health</c>); the device routes are matched
    /// first, so a device whose client id is "health" stays reachable.
    /// </summary>
    public static bool IsHealthRoute(IReadOnlyList<string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return segments.Count is 1 or 2 && segments[^1] == HealthSegment;
    }

    /// <summary>The answer when the event looked like HTTP but could not be read (e.g. a body flagged base64 that is not).</summary>
    public static HttpResponse InvalidRequest() => Error(400, HttpErrorCodes.InvalidRequest, "The HTTP request could not be read.");

    /// <summary>The answer to a fault: a stable code and nothing about the fault itself.</summary>
    public static HttpResponse InternalError() => Error(500, HttpErrorCodes.InternalError, "The request could not be completed.");

    private async Task<HttpResponse> GetDeviceAsync(string serialNumber, string clientId, CancellationToken cancellationToken)
    {
        var reader = JsonFieldReader.ForValues();
        var serial = reader.Check("serialNumber", serialNumber, DeviceFieldRules.Identifier);
        var client = reader.Check("clientId", clientId, DeviceFieldRules.Identifier);
        if (reader.Error is { } error)
        {
            return InputRefused(error);
        }

        var device = await catalog.GetAsync(new DeviceKey(serial!, client!), cancellationToken).ConfigureAwait(false);
        return device is null
            ? Error(404, ActivationOutcome.DeviceNotFound.Name(), "No such device.")
            : Json(200, DeviceView.From(device));
    }

    private async Task<HttpResponse> ActivateAsync(HttpRequest request, string serialNumber, string clientId, CancellationToken cancellationToken)
    {
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            return Error(415, HttpErrorCodes.UnsupportedMediaType, "The body must be application/json.");
        }

        if (!ActivationRequestParser.TryParseBody(serialNumber, clientId, request.Body, out var activation, out var error))
        {
            return InputRefused(error);
        }

        var result = await activations.ActivateAsync(activation with { Door = DoorOf(request.Kind) }, cancellationToken).ConfigureAwait(false);
        var outcome = result.Outcome;
        return outcome switch
        {
            ActivationOutcome.Activated => Json(200, DeviceView.From(result.Device!)),
            ActivationOutcome.Locked => Locked(result.RetryAfter ?? TimeSpan.Zero),
            ActivationOutcome.WrongCode => WrongCode(),
            // The same answer as a wrong code, so this door does not tell which devices exist or how (README, "Exposure").
            ActivationOutcome.DeviceNotFound or ActivationOutcome.KeyRetired or ActivationOutcome.DeviceDeregistered => WrongCode(),
            ActivationOutcome.AlreadyActivated => Error(409, outcome.Name(), "The device is already activated."),
            _ => throw new InvalidOperationException($"Unexpected activation outcome {outcome}."),
        };
    }

    private static HttpResponse WrongCode() => Error(403, ActivationOutcome.WrongCode.Name(), "The activation code does not match.");

    private static HttpResponse Healthy(string method) =>
        Secured(method == "HEAD" ? HttpResponse.Json(200, ReadOnlyMemory<byte>.Empty) : HttpResponse.Json(200, s_healthy));

    private static bool IsJson(string contentType)
    {
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static HttpResponse Locked(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        var response = Error(429, ActivationOutcome.Locked.Name(), "Too many failed attempts; try again later.", retryAfterSeconds: seconds);
        response.Headers.Set("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private static HttpResponse MethodNotAllowed(string allow)
    {
        var response = Error(405, HttpErrorCodes.MethodNotAllowed, $"Use {allow}.");
        response.Headers.Set("Allow", allow);
        return response;
    }

    private static HttpResponse InputRefused(InputError error) => Error(400, error.Code, error.Message, error.Field);

    private static HttpResponse Error(int status, string code, string message, string? field = null, long? retryAfterSeconds = null) =>
        Secured(HttpResponse.Json(status, JsonSerializer.SerializeToUtf8Bytes(
            new HttpErrorBody(code, message, field, retryAfterSeconds), IotRegistryJsonContext.Default.HttpErrorBody)));

    private static HttpResponse Json(int status, DeviceView view) =>
        Secured(HttpResponse.Json(status, JsonSerializer.SerializeToUtf8Bytes(view, IotRegistryJsonContext.Default.DeviceView)));

    /// <summary>Device state and errors are per-request answers: never cached, never sniffed.</summary>
    private static HttpResponse Secured(HttpResponse response)
    {
        response.Headers.Set("Cache-Control", "no-store");
        response.Headers.Set("X-Content-Type-Options", "nosniff");
        return response;
    }
}
