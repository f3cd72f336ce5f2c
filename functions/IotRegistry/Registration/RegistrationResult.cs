using LambdaSuite.Data.Devices;

namespace IotRegistry.Registration;

/// <param name="Device">The stored device (new or existing), when there is one.</param>
internal sealed record RegistrationResult(RegistrationOutcome Outcome, DeviceRecord? Device = null);
