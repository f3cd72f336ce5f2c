namespace LambdaSuite.Data.Devices;

/// <summary>One line of a device's history.</summary>
/// <param name="Sequence">Its place: 0 for the registration (the device item itself), then 1, 2, ... in commit order.</param>
/// <param name="Actor">Who asked, unmasked as stored: the door that shows it masks addresses.</param>
public sealed record DeviceHistoryEntry(long Sequence, string Action, string Door, string Actor, DateTimeOffset At, string Outcome);
