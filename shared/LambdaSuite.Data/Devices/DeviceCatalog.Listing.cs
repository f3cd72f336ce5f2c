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
                yield return FromItem(item);
            }

            // SDK v4 leaves an absent LastEvaluatedKey null (older versions gave an empty map): both mean "done".
            startKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);
    }

    /// <summary>Removes the device with <paramref name="key"/>; true when there was one.</summary>
    public async Task<bool> DeleteAsync(DeviceKey key, CancellationToken cancellationToken = default)
    {
        var response = await _client.DeleteItemAsync(
            new DeleteItemRequest { TableName = TableName, Key = KeyOf(key), ReturnValues = Amazon.DynamoDBv2.ReturnValue.ALL_OLD },
            cancellationToken).ConfigureAwait(false);
        return response.Attributes is { Count: > 0 };
    }
}
