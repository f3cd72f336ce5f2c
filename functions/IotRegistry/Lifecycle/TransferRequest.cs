using System.Text;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Lifecycle;

/// <summary>A validated transfer: the device, the new owner, and the current owner's proof (absent from an administrator).</summary>
internal sealed record TransferRequest(DeviceKey Key, string NewOwnerEmail, string? OwnerEmail = null, string? ActivationCode = null)
{
    /// <summary>Keeps the proof and the addresses out of anything that prints this record.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Key = ").Append(Key).Append(", NewOwnerEmail = ***, OwnerEmail = ***, ActivationCode = ***");
        return true;
    }
}
