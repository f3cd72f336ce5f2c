using LambdaSuite.Data.Devices;

namespace IotRegistry.Devices;

/// <summary><c>{"history": [...], "next": N}</c>: oldest first; <see cref="Next"/> is the <c>after</c> of the next page, absent on the last.</summary>
public sealed record HistoryView(IReadOnlyList<HistoryEntryView> History, long? Next)
{
    public static HistoryView From(DeviceHistoryPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new HistoryView([.. page.Entries.Select(HistoryEntryView.From)], page.Next);
    }
}
