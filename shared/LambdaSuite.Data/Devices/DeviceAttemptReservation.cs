namespace LambdaSuite.Data.Devices;

/// <summary>The result of counting an attempt before checking it.</summary>
/// <param name="Reserved">True when the attempt was admitted and counted.</param>
/// <param name="Device">
/// When <paramref name="Reserved"/>, the item as written (its stored HMAC is what the attempt is checked against).
/// Otherwise the item that refused the attempt (activated or locked), or null when no such device exists.
/// </param>
public sealed record DeviceAttemptReservation(bool Reserved, DeviceRecord? Device);
