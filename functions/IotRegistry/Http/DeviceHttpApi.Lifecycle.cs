using System.Globalization;
using System.Text.Json;
using IotRegistry.Devices;
using IotRegistry.Json;
using IotRegistry.Lifecycle;
using LambdaSuite.Data.Devices;
using LambdaSuite.Events.Http;

namespace IotRegistry.Http;

/// <summary>
/// The lifecycle routes: <c>POST /devices/{sn}/{cid}/transfer</c> (the owner's proof, or an administrator),
/// <c>POST .../unbind</c> and <c>POST .../deregister</c> (an administrator only) and <c>GET .../history</c>.
/// An administrator is a caller API Gateway authenticated with IAM on an HTTP API route (the event carries
/// <c>requestContext.authorizer.iam</c>, which no client header can forge); every other door is an owner's.
/// </summary>
internal sealed partial class DeviceHttpApi
{
    /// <summary>The answer for a lifecycle route, or null when <paramref name="action"/> names none (the caller goes on matching).</summary>
    private static async Task<HttpResponse?> LifecycleRouteAsync(
        LifecycleService lifecycle, HttpRequest request, string action, string serialNumber, string clientId, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case TransferSegment or UnbindSegment or DeregisterSegment when request.Method != "POST":
                return MethodNotAllowed("POST");
            case HistorySegment when request.Method != "GET":
                return MethodNotAllowed("GET");
            case TransferSegment:
                return await TransferAsync(lifecycle, request, serialNumber, clientId, cancellationToken).ConfigureAwait(false);
            case UnbindSegment:
            case DeregisterSegment:
                if (!TryKey(serialNumber, clientId, out var key, out var refused))
                {
                    return refused;
                }

                var actor = ActorOf(request, owner: null);
                var result = action == UnbindSegment
                    ? await lifecycle.UnbindAsync(key, actor, cancellationToken).ConfigureAwait(false)
                    : await lifecycle.DeregisterAsync(key, actor, cancellationToken).ConfigureAwait(false);
                return result.Outcome == LifecycleOutcome.Unbound
                    ? Secured(HttpResponse.Json(200, JsonSerializer.SerializeToUtf8Bytes(
                        new UnbindView(DeviceView.From(result.Device!), result.NewActivationCode!), IotRegistryJsonContext.Default.UnbindView)))
                    : LifecycleAnswer(result);
            case HistorySegment:
                return await HistoryAsync(lifecycle, request, serialNumber, clientId, cancellationToken).ConfigureAwait(false);
            default:
                return null;
        }
    }

    private static async Task<HttpResponse> TransferAsync(LifecycleService lifecycle, HttpRequest request, string serialNumber, string clientId, CancellationToken cancellationToken)
    {
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            return Error(415, HttpErrorCodes.UnsupportedMediaType, "The body must be application/json.");
        }

        var actor = ActorOf(request, owner: null);
        if (!TransferRequestParser.TryParseBody(serialNumber, clientId, request.Body, actor.Administrator, out var transfer, out var error))
        {
            return InputRefused(error);
        }

        var result = await lifecycle.TransferAsync(transfer, actor.Administrator ? actor : ActorOf(request, transfer.OwnerEmail), cancellationToken).ConfigureAwait(false);

        // An owner's door answers unknown, unowned and deregistered devices as a wrong proof (as the activation door
        // answers unknown devices as a wrong code), so it tells a prober nothing about the device; the
        // administrator's door names the reason.
        return !actor.Administrator && result.Outcome is LifecycleOutcome.DeviceNotFound or LifecycleOutcome.NotActivated or LifecycleOutcome.DeviceDeregistered
            ? LifecycleAnswer(new LifecycleResult(LifecycleOutcome.WrongProof))
            : LifecycleAnswer(result);
    }

    private static async Task<HttpResponse> HistoryAsync(LifecycleService lifecycle, HttpRequest request, string serialNumber, string clientId, CancellationToken cancellationToken)
    {
        if (!TryKey(serialNumber, clientId, out var key, out var refused))
        {
            return refused;
        }

        long after = 0;
        if (request.Query["after"] is { } text
            && !(long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out after) && after <= 999_999_999_999))
        {
            return Error(400, Input.InputErrorCodes.InvalidField, "'after' must be the 'next' number of the previous page.", "after");
        }

        var page = await lifecycle.HistoryAsync(key, after, cancellationToken).ConfigureAwait(false);
        return page.Device is null
            ? Error(404, LifecycleOutcome.DeviceNotFound.Name(), LifecycleOutcome.DeviceNotFound.Message())
            : Secured(HttpResponse.Json(200, JsonSerializer.SerializeToUtf8Bytes(HistoryView.From(page), IotRegistryJsonContext.Default.HistoryView)));
    }

    private static HttpResponse LifecycleAnswer(LifecycleResult result) => result.Outcome switch
    {
        LifecycleOutcome.Transferred or LifecycleOutcome.Deregistered => Json(200, DeviceView.From(result.Device!)),
        LifecycleOutcome.Locked => Locked(result.RetryAfter ?? TimeSpan.Zero),
        var refused => Error(refused.Status(), refused.Name(), refused.Message()),
    };

    private static bool TryKey(string serialNumber, string clientId, out DeviceKey key, out HttpResponse refused)
    {
        var reader = Input.JsonFieldReader.ForValues();
        var serial = reader.Check("serialNumber", serialNumber, Input.DeviceFieldRules.Identifier);
        var client = reader.Check("clientId", clientId, Input.DeviceFieldRules.Identifier);
        if (reader.Error is { } error)
        {
            key = default;
            refused = InputRefused(error);
            return false;
        }

        key = new DeviceKey(serial!, client!);
        refused = null!;
        return true;
    }

    /// <summary>The IAM caller on an HTTP API route is an administrator; anyone else acts as <paramref name="owner"/> (or the door itself).</summary>
    private static DeviceActor ActorOf(HttpRequest request, string? owner) =>
        request.Kind == HttpEventKind.ApiGatewayV2 && request.IamCallerArn is { } caller
            ? new DeviceActor(DoorOf(request.Kind), caller, Administrator: true)
            : new DeviceActor(DoorOf(request.Kind), owner ?? "anonymous", Administrator: false);

    internal static string DoorOf(HttpEventKind kind) => kind switch
    {
        HttpEventKind.ApiGatewayV1 => DeviceDoors.ApiGatewayV1,
        HttpEventKind.ApiGatewayV2 => DeviceDoors.ApiGatewayV2,
        _ => DeviceDoors.Alb,
    };
}
