namespace LambdaSuite.Data.Devices;

/// <summary>The result of the one conditional write an activation attempt costs.</summary>
/// <param name="Recorded">
/// True when DynamoDB admitted the attempt: it is counted and its claim recorded. Whether it activated the device
/// is then <see cref="DeviceRecord.Activated"/> of <paramref name="Device"/>, the item as written.
/// </param>
/// <param name="Device">
/// When <paramref name="Recorded"/>, the item as written. Otherwise the item as it was when DynamoDB refused the
/// attempt (activated or locked, or open when no claim could be made under the key it names), or null when no such
/// device exists.
/// </param>
public sealed record DeviceActivationWrite(bool Recorded, DeviceRecord? Device);
