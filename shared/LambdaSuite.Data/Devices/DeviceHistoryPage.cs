namespace LambdaSuite.Data.Devices;

/// <summary>A page of a device's history, oldest first.</summary>
/// <param name="Device">The device, or null when there is none (then <paramref name="Entries"/> is empty).</param>
/// <param name="Next">The sequence to pass as "after" for the next page; null on the last page.</param>
public sealed record DeviceHistoryPage(DeviceRecord? Device, IReadOnlyList<DeviceHistoryEntry> Entries, long? Next);
