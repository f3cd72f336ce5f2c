using System.Text.Json;
using IotRegistry.Activation;
using IotRegistry.Devices;
using IotRegistry.Input;
using IotRegistry.Registration;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Iot;

/// <summary>
/// The IoT door: an IoT rule's Lambda event is the rule's SELECT output. A registration rule forwards the device's
/// payload as is (as the peer's does) or adds <c>'register' AS operation</c>; an activation rule adds
/// <c>'activate' AS operation</c>. Faults propagate so Lambda's asynchronous retries and the rule's error action see them.
/// </summary>
public sealed class IotMessageHandler
{
    private readonly RegistrationService _registrations;
    private readonly ActivationService _activations;

    internal IotMessageHandler(RegistrationService registrations, ActivationService activations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(activations);
        _registrations = registrations;
        _activations = activations;
    }

    public const string OperationField = "operation";
    public const string RegisterOperation = "register";
    public const string ActivateOperation = "activate";

    /// <summary>Largest IoT message accepted; a real registration is well under 1 KiB.</summary>
    public const int MaxMessageBytes = 8192;

    public async Task<IotResult> HandleAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        if (!JsonInput.TryParseObject(message, MaxMessageBytes, out var document, out var error))
        {
            return Refused(OperationOf(null), error);
        }

        using (document)
        {
            return await HandleAsync(document.RootElement, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IotResult> HandleAsync(JsonElement message, CancellationToken cancellationToken = default)
    {
        if (!JsonInput.TryCheckObject(message, out var error))
        {
            return Refused(OperationOf(null), error);
        }

        var operation = message.TryGetProperty(OperationField, out var value) ? value : default;
        if (operation.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null || (operation.ValueKind == JsonValueKind.String && operation.ValueEquals(RegisterOperation)))
        {
            return await RegisterAsync(message, cancellationToken).ConfigureAwait(false);
        }

        if (operation.ValueKind == JsonValueKind.String && operation.ValueEquals(ActivateOperation))
        {
            return await ActivateAsync(message, cancellationToken).ConfigureAwait(false);
        }

        return Refused(
            OperationOf(null),
            new InputError(InputErrorCodes.UnknownOperation, OperationField, $"The field '{OperationField}' must be '{RegisterOperation}' or '{ActivateOperation}'."));
    }

    private async Task<IotResult> RegisterAsync(JsonElement message, CancellationToken cancellationToken)
    {
        if (!DeviceRegistrationParser.TryParse(message, out var registration, out var error))
        {
            return Refused(RegisterOperation, error);
        }

        var result = await _registrations.RegisterAsync(registration, cancellationToken).ConfigureAwait(false);
        var outcome = result.Outcome;
        if (outcome == RegistrationOutcome.SerialMismatch)
        {
            // Answered to the sender, under the serial of its own topic; the serial it claimed is not repeated.
            return new IotResult(
                RegisterOperation,
                outcome.Name(),
                outcome.Status(),
                registration.TopicSerialNumber,
                Error: outcome.Name(),
                Field: "serialNumber",
                Message: "The payload's serialNumber is not the serial number of the topic it was published on.");
        }

        return new IotResult(
            RegisterOperation,
            outcome.Name(),
            outcome.Status(),
            registration.Key.SerialNumber,
            registration.Key.ClientId,
            Error: outcome is RegistrationOutcome.Registered or RegistrationOutcome.AlreadyRegistered ? null : outcome.Name(),
            Device: outcome == RegistrationOutcome.Registered && result.Device is { } device ? DeviceView.From(device) : null);
    }

    private async Task<IotResult> ActivateAsync(JsonElement message, CancellationToken cancellationToken)
    {
        if (!ActivationRequestParser.TryParseMessage(message, out var request, out var error))
        {
            return Refused(ActivateOperation, error);
        }

        var result = await _activations.ActivateAsync(request with { Door = DeviceDoors.IotRule }, cancellationToken).ConfigureAwait(false);
        var outcome = result.Outcome;
        return new IotResult(
            ActivateOperation,
            outcome.Name(),
            outcome.Status(),
            request.Key.SerialNumber,
            request.Key.ClientId,
            Error: outcome == ActivationOutcome.Activated ? null : outcome.Name(),
            RetryAfterSeconds: result.RetryAfter is { } wait ? (long)Math.Ceiling(wait.TotalSeconds) : null,
            Device: outcome == ActivationOutcome.Activated && result.Device is { } device ? DeviceView.From(device) : null);
    }

    private static string OperationOf(string? operation) => operation ?? "unknown";

    private static IotResult Refused(string operation, InputError error) =>
        new(operation, "invalid_input", 400, Error: error.Code, Field: error.Field, Message: error.Message);
}
