using LambdaSuite.Data.Devices;

namespace IotRegistry.Provisioning;

/// <summary>
/// What the pre-provisioning hook decided and why (<see cref="Reason"/>: <c>allowed</c>, <c>certificate_bound</c>,
/// <c>invalid_input</c>, <c>device_not_found</c>, <c>device_deregistered</c>, <c>certificate_mismatch</c>,
/// <c>conflict</c>); the reason goes to the log, the answer holds only the decision.
/// </summary>
internal sealed record ProvisioningDecision(bool Allow, string Reason, DeviceKey? Key = null);
