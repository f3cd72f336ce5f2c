using LambdaSuite.Data.Devices;

namespace IotRegistry.Devices;

/// <summary>One history line as callers see it: an actor that is an address is masked like the owner in <see cref="DeviceView"/>.</summary>
public sealed record HistoryEntryView(string Action, string Door, string Actor, string At, string Outcome)
{
    public static HistoryEntryView From(DeviceHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var actor = entry.Actor.Contains('@', StringComparison.Ordinal) ? DeviceView.MaskEmail(entry.Actor) : entry.Actor;
        return new HistoryEntryView(entry.Action, entry.Door, actor, DynamoTimeText(entry.At), entry.Outcome);
    }

    private static string DynamoTimeText(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
