using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using A = LambdaSuite.Data.DnsMirror.DnsMirrorZoneAttributes;

namespace LambdaSuite.Data.DnsMirror;

/// <summary>
/// The <c>dnsMirrorZones</c> table: zone rows (configuration and sync state). State writes are conditional on the
/// version read at the start of the run, so two overlapping runs of one zone cannot both record a serial; the loser
/// gets <see cref="ConditionalCheckFailedException"/>. Runs do not overlap in the first place: each holds the zone's
/// lease (<c>DnsMirrorZoneStore.Lease.cs</c>) while it runs.
/// </summary>
public sealed partial class DnsMirrorZoneStore(IAmazonDynamoDB dynamoDb, string tableName) : IDnsMirrorZoneStore
{
    /// <summary>IAM actions of the store's operations: read one zone, list zones, record a run, take and release a lease.</summary>
    public static IReadOnlyList<string> IamActions { get; } = ["dynamodb:GetItem", "dynamodb:Scan", "dynamodb:UpdateItem"];

    public string TableName => tableName;

    /// <summary>The zone's row, or null when it has none yet.</summary>
    public async Task<DnsMirrorZoneState?> GetAsync(string zone, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(zone);
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new() { [A.Zone] = new AttributeValue { S = zone } },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? DnsMirrorZoneMapper.FromItem(item) : null;
    }

    /// <summary>Every row, following LastEvaluatedKey to the end.</summary>
    public async Task<IReadOnlyList<DnsMirrorZoneState>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<DnsMirrorZoneState>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            // The stored records' chunk items share the table; they are not zone rows, and their bytes need not travel.
            var page = await dynamoDb.ScanAsync(new ScanRequest
            {
                TableName = tableName,
                ExclusiveStartKey = start,
                ConsistentRead = true,
                FilterExpression = "attribute_not_exists(#blob)",
                ExpressionAttributeNames = new() { ["#blob"] = A.StateBlob },
            }, cancellationToken).ConfigureAwait(false);
            rows.AddRange((page.Items ?? []).Select(DnsMirrorZoneMapper.FromItem));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return rows;
    }

    /// <summary>Creates or replaces a zone's configuration, keeping its state.</summary>
    public Task PutConfigAsync(string zone, string configJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(zone);
        ArgumentException.ThrowIfNullOrEmpty(configJson);
        return dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = new() { [A.Zone] = new AttributeValue { S = zone } },
            UpdateExpression = "SET #c = :c",
            ExpressionAttributeNames = new() { ["#c"] = A.Config },
            ExpressionAttributeValues = new() { [":c"] = new AttributeValue { S = configJson } },
        }, cancellationToken);
    }

    /// <summary>
    /// Writes the run's state when the row's version is still <paramref name="expectedVersion"/> (0: no state yet).
    /// Attributes the state leaves null (serial on a failed run, error on a good one) are kept or removed as the
    /// outcome says: the serial is kept, a stale error is removed. Returns the new version.
    /// </summary>
    public async Task<long> RecordRunAsync(DnsMirrorZoneState state, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var values = DnsMirrorZoneMapper.StateValues(state);
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["#ver"] = A.Version };
        var expressionValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":one"] = ItemAttributes.N(1) };
        var sets = new List<string>();
        var i = 0;
        foreach (var (name, value) in values)
        {
            names["#a" + i] = name;
            expressionValues[":a" + i] = value;
            sets.Add($"#a{i} = :a{i}");
            i++;
        }

        var update = "SET " + string.Join(", ", sets) + " ADD #ver :one";
        if (string.IsNullOrEmpty(state.LastError))
        {
            names["#err"] = A.LastError;
            update += " REMOVE #err";
        }

        string condition;
        if (expectedVersion == 0)
        {
            condition = "attribute_not_exists(#zone) OR attribute_not_exists(#ver)";
            names["#zone"] = A.Zone;
        }
        else
        {
            condition = "#ver = :expected";
            expressionValues[":expected"] = ItemAttributes.N(expectedVersion);
        }

        var response = await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = new() { [A.Zone] = new AttributeValue { S = state.Zone } },
            UpdateExpression = update,
            ConditionExpression = condition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = expressionValues,
            ReturnValues = ReturnValue.UPDATED_NEW,
        }, cancellationToken).ConfigureAwait(false);
        return long.Parse(response.Attributes[A.Version].N, CultureInfo.InvariantCulture);
    }
}
