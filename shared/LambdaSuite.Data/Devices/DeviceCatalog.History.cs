using System.Globalization;
using Amazon.DynamoDBv2.Model;
using static LambdaSuite.Data.ItemAttributes;

namespace LambdaSuite.Data.Devices;

/// <summary>
/// A device's history: items in the device's own partition (its serial number) whose sort key is
/// <c>{clientId}#history#{sequence, 12 digits}</c>. A client id holds no '#' (the function's field rules), so no
/// device key can collide with a history key, and one Query on the prefix reads a device's lines in commit order.
/// Sequence rather than time orders them: two Lambda instances' clocks may disagree, while the sequence is taken
/// from the device item inside the transaction that commits the line.
/// </summary>
public sealed partial class DeviceCatalog
{
    /// <summary>Most lines one page returns; the door asks for the next page with <c>after</c>.</summary>
    public const int MaxHistoryPage = 100;

    private const string HistoryMarker = "#history#";

    /// <summary>
    /// A page of the device's history, oldest first: the registration (from the device item, sequence 0) on the first
    /// page, then the stored lines after <paramref name="after"/>, and on the last page the current activation when it
    /// has no line of its own yet. Two requests: the device (GetItem) and its lines (Query).
    /// </summary>
    public async Task<DeviceHistoryPage> HistoryAsync(DeviceKey key, long after = 0, int limit = MaxHistoryPage, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var device = await GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            return new DeviceHistoryPage(null, [], null);
        }

        var entries = new List<DeviceHistoryEntry>();
        if (after == 0)
        {
            entries.Add(new DeviceHistoryEntry(0, DeviceHistoryActions.Register, DeviceDoors.IotRule, device.Key.ClientId, device.RegisteredAt, DeviceHistoryActions.Registered));
        }

        var page = await _client.QueryAsync(
            new QueryRequest
            {
                TableName = TableName,
                ConsistentRead = true,
                // One more than the page: DynamoDB reports a further page whenever it stops at the limit, even with
                // nothing after it, so the extra line is what tells a last page that happens to be full.
                Limit = Math.Min(limit, MaxHistoryPage) + 1,
                KeyConditionExpression = "#sn = :sn AND #cid BETWEEN :from AND :to",
                ExpressionAttributeNames = new() { ["#sn"] = DeviceAttributeNames.SerialNumber, ["#cid"] = DeviceAttributeNames.ClientId },
                ExpressionAttributeValues = new()
                {
                    [":sn"] = S(key.SerialNumber),
                    [":from"] = S(HistoryKey(key.ClientId, after + 1)),
                    [":to"] = S(HistoryKey(key.ClientId, 999_999_999_999)),
                },
            },
            cancellationToken).ConfigureAwait(false);
        var items = page.Items ?? [];
        var more = items.Count > Math.Min(limit, MaxHistoryPage);
        foreach (var item in more ? items.Take(items.Count - 1) : items)
        {
            entries.Add(EntryFromItem(item));
        }

        if (!more && UnloggedActivation(device) is { } activation)
        {
            entries.Add(activation);
        }

        return new DeviceHistoryPage(device, entries, more ? entries[^1].Sequence : null);
    }

    /// <summary>The current activation as a history line, while it has none stored (its evidence is the claim on the device item).</summary>
    internal static DeviceHistoryEntry? UnloggedActivation(DeviceRecord device) =>
        device.Activated && !device.ActivationLogged
            ? new DeviceHistoryEntry(
                device.HistorySeq + 1,
                DeviceHistoryActions.Activate,
                device.ActivatedVia ?? "unknown",
                device.OwnerEmail ?? string.Empty,
                device.ActivatedAt ?? device.RegisteredAt,
                DeviceHistoryActions.Activated)
            : null;

    internal static string HistoryKey(string clientId, long sequence) =>
        clientId + HistoryMarker + sequence.ToString("D12", CultureInfo.InvariantCulture);

    internal static bool IsHistoryItem(Dictionary<string, AttributeValue> item) =>
        String(item, DeviceAttributeNames.ClientId) is { } sortKey && sortKey.Contains(HistoryMarker, StringComparison.Ordinal);

    internal static Dictionary<string, AttributeValue> HistoryItem(DeviceKey key, DeviceHistoryEntry entry) => new()
    {
        [DeviceAttributeNames.SerialNumber] = S(key.SerialNumber),
        [DeviceAttributeNames.ClientId] = S(HistoryKey(key.ClientId, entry.Sequence)),
        [DeviceAttributeNames.HistorySeq] = N(entry.Sequence),
        [DeviceAttributeNames.HistoryAction] = S(entry.Action),
        [DeviceAttributeNames.HistoryDoor] = S(entry.Door),
        [DeviceAttributeNames.HistoryActor] = S(entry.Actor),
        [DeviceAttributeNames.HistoryAt] = S(DynamoTime.Format(entry.At)),
        [DeviceAttributeNames.HistoryOutcome] = S(entry.Outcome),
    };

    private static DeviceHistoryEntry EntryFromItem(Dictionary<string, AttributeValue> item) => new(
        OptionalNumber(item, DeviceAttributeNames.HistorySeq) ?? throw new InvalidDataException($"iotCatalog history item lacks '{DeviceAttributeNames.HistorySeq}'."),
        RequiredString(item, DeviceAttributeNames.HistoryAction),
        RequiredString(item, DeviceAttributeNames.HistoryDoor),
        String(item, DeviceAttributeNames.HistoryActor) ?? string.Empty,
        ParseInstant(RequiredString(item, DeviceAttributeNames.HistoryAt), DeviceAttributeNames.HistoryAt),
        RequiredString(item, DeviceAttributeNames.HistoryOutcome));
}
