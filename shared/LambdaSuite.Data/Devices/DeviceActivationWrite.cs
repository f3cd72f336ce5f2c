namespace LambdaSuite.Data.Devices;

/// <summary>The result of the one conditional activation update.</summary>
/// <param name="Activated">True when this call bound the owner.</param>
/// <param name="Device">
/// After success, the item as written. After a refused condition, the item as it was when DynamoDB
/// evaluated the condition (so the caller can tell why), or null when no such device exists.
/// </param>
public sealed record DeviceActivationWrite(bool Activated, DeviceRecord? Device);
