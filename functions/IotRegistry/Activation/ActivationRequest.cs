using System.Text;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Activation;

/// <summary>A validated activation attempt: which device, the code offered, and the owner to bind.</summary>
internal sealed record ActivationRequest(DeviceKey Key, string ActivationCode, string OwnerEmail)
{
    /// <summary>The door the attempt came through (<see cref="DeviceDoors"/>), recorded with its claim for the history.</summary>
    public string? Door { get; init; }

    /// <summary>Keeps the code and the address out of anything that prints this record.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Key = ").Append(Key).Append(", ActivationCode = ***, OwnerEmail = ***");
        return true;
    }
}
