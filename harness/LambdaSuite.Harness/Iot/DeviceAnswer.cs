namespace LambdaSuite.Harness.Iot;

/// <summary>A message a device heard on one of its answer topics.</summary>
public sealed record DeviceAnswer(string Topic, byte[] Payload)
{
    /// <summary>Whether it came on an <c>.../accepted</c> topic.</summary>
    public bool Accepted => Topic.EndsWith("/accepted", StringComparison.Ordinal);
}
