using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;

namespace LambdaSuite.Data.Devices;

/// <summary>Operator reads and clean-up of the catalog; the function never calls these (its IAM role lacks Scan and DeleteItem).</summary>
public sealed partial class DeviceCatalog
{
    /// <summary>Every device, page by page (<paramref name="pageSize"/> items per Scan) until DynamoDB reports no further page.</summary>
    public async IAsyncEnumerable<DeviceRecord> ListAsync(int pageSize = 100, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await _client.ScanAsync(
                new ScanRequest { TableName = TableName, Limit = pageSize, ExclusiveStartKey = startKey, ConsistentRead = true },
                cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items ?? [])
            {
                // History lines share the table (in their device's partition); a listing is of devices.
                if (!IsHistoryItem(item))
                {
                    yield return FromItem(item);
                }
            }

            // SDK v4 leaves an absent LastEvaluatedKey null (older versions gave an empty map): both mean "done".
            startKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);
    }

    /// <summary>Removes the device with <paramref name="key"/> and its history; true when there was a device.</summary>
    public async Task<bool> DeleteAsync(DeviceKey key, CancellationToken cancellationToken = default)
    {
        // The history goes first: a device recreated under the same key must not find its predecessor's lines in the
        // places its own will take.
        var history = await HistoryAsync(key, cancellationToken: cancellationToken).ConfigureAwait(false);
        while (true)
        {
            // Sequence 0 is the device item itself; an unlogged activation's line has no item (deleting it costs nothing).
            foreach (var line in history.Entries.Where(e => e.Sequence > 0))
            {
                await _client.DeleteItemAsync(
                    new DeleteItemRequest { TableName = TableName, Key = new() { [DeviceAttributeNames.SerialNumber] = ItemAttributes.S(key.SerialNumber), [DeviceAttributeNames.ClientId] = ItemAttributes.S(HistoryKey(key.ClientId, line.Sequence)) } },
                    cancellationToken).ConfigureAwait(false);
            }

            if (history.Next is not { } next)
            {
                break;
            }

            history = await HistoryAsync(key, next, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var response = await _client.DeleteItemAsync(
            new DeleteItemRequest { TableName = TableName, Key = KeyOf(key), ReturnValues = Amazon.DynamoDBv2.ReturnValue.ALL_OLD },
            cancellationToken).ConfigureAwait(false);
        return response.Attributes is { Count: > 0 };
    }
}
