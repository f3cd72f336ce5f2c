using System.Text;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Lifecycle;

/// <param name="Device">The device as written, or as found when refused (null when there is none).</param>
/// <param name="NewActivationCode">An unbind's new code, for the administrator's answer only; never logged or stored.</param>
/// <param name="RetryAfter">How long until a locked device accepts proofs again.</param>
internal sealed record LifecycleResult(LifecycleOutcome Outcome, DeviceRecord? Device = null, string? NewActivationCode = null, TimeSpan? RetryAfter = null)
{
    /// <summary>Keeps the new code out of anything that prints this record.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Outcome = ").Append(Outcome).Append(", Device = ").Append(Device?.Key.ToString() ?? "null");
        return true;
    }
}
