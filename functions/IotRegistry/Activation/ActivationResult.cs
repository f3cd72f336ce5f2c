using LambdaSuite.Data.Devices;

namespace IotRegistry.Activation;

/// <param name="Device">The activated device (for <see cref="ActivationOutcome.Activated"/>) or the device as found, when there is one.</param>
/// <param name="RetryAfter">How long until a <see cref="ActivationOutcome.Locked"/> device accepts attempts again.</param>
internal sealed record ActivationResult(ActivationOutcome Outcome, DeviceRecord? Device = null, TimeSpan? RetryAfter = null);
