namespace LambdaSuite.Data.Devices;

/// <summary>What a lifecycle change did.</summary>
/// <param name="Applied">True when the change and its history line were written.</param>
/// <param name="Device">
/// Applied: the device as written. Refused: the device as DynamoDB found it (changed since it was read, deregistered,
/// or no longer in the state the change needs), or null when there is no such device.
/// </param>
public sealed record DeviceChangeResult(bool Applied, DeviceRecord? Device);
