using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using A = LambdaSuite.Data.Fanout.FanoutAttributes;

namespace LambdaSuite.Data.Fanout;

/// <summary>
/// The <c>fanoutTargets</c> table: reads follow <c>LastEvaluatedKey</c> to the last page (the original stopped at the
/// first), writes are conditional so <c>register</c> never overwrites and <c>update</c>/<c>activate</c> never create.
/// </summary>
public sealed class FanoutTargetStore(IAmazonDynamoDB dynamoDb, string tableName)
{
    /// <summary>IAM actions of what the function does with the mapping table: read a source's rows.</summary>
    public static IReadOnlyList<string> FunctionIamActions { get; } = ["dynamodb:Query"];

    public string TableName => tableName;

    /// <summary>Every row for one source, valid or not, over all pages (strongly consistent).</summary>
    public async Task<IReadOnlyList<FanoutTargetRow>> QueryBySourceAsync(string sourceArn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceArn);
        var rows = new List<FanoutTargetRow>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await dynamoDb.QueryAsync(
                new QueryRequest
                {
                    TableName = tableName,
                    KeyConditionExpression = "#s = :s",
                    ExpressionAttributeNames = new() { ["#s"] = A.SourceArn },
                    ExpressionAttributeValues = new() { [":s"] = new AttributeValue { S = sourceArn } },
                    ConsistentRead = true,
                    ExclusiveStartKey = start,
                },
                cancellationToken).ConfigureAwait(false);
            rows.AddRange((response.Items ?? []).Select(FanoutTargetMapper.FromItem));
            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return rows;
    }

    /// <summary>Every row of the table over all pages (for <c>list</c> and <c>validate</c>).</summary>
    public async Task<IReadOnlyList<FanoutTargetRow>> ScanAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<FanoutTargetRow>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await dynamoDb.ScanAsync(new ScanRequest { TableName = tableName, ExclusiveStartKey = start }, cancellationToken).ConfigureAwait(false);
            rows.AddRange((response.Items ?? []).Select(FanoutTargetMapper.FromItem));
            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return rows;
    }

    public async Task<FanoutTargetRow?> GetAsync(string sourceArn, string id, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = Key(sourceArn, id), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? FanoutTargetMapper.FromItem(item) : null;
    }

    /// <summary>Writes <paramref name="target"/>; false when the row exists (<paramref name="mustExist"/> false) or is missing (true).</summary>
    public async Task<bool> PutAsync(FanoutTarget target, bool mustExist, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            await dynamoDb.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = FanoutTargetMapper.ToItem(target),
                    ConditionExpression = mustExist ? "attribute_exists(#s)" : "attribute_not_exists(#s)",
                    ExpressionAttributeNames = new() { ["#s"] = A.SourceArn },
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Sets <c>active</c> on an existing row; false when there is no such row.</summary>
    public async Task<bool> SetActiveAsync(string sourceArn, string id, bool active, CancellationToken cancellationToken = default)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = Key(sourceArn, id),
                    UpdateExpression = "SET #a = :a",
                    ConditionExpression = "attribute_exists(#s)",
                    ExpressionAttributeNames = new() { ["#a"] = A.Active, ["#s"] = A.SourceArn },
                    ExpressionAttributeValues = new() { [":a"] = new AttributeValue { BOOL = active } },
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string sourceArn, string id, CancellationToken cancellationToken = default)
    {
        try
        {
            await dynamoDb.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = tableName,
                    Key = Key(sourceArn, id),
                    ConditionExpression = "attribute_exists(#s)",
                    ExpressionAttributeNames = new() { ["#s"] = A.SourceArn },
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static Dictionary<string, AttributeValue> Key(string sourceArn, string id) => new()
    {
        [A.SourceArn] = new AttributeValue { S = sourceArn },
        [A.Id] = new AttributeValue { S = id },
    };
}
