using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using A = LambdaSuite.Data.ChatRelay.ChatRelayAttributes;

namespace LambdaSuite.Data.ChatRelay;

/// <summary>
/// The chatRelay table (<see cref="Tables.TableCatalog.ChatRelay"/>): one partition key <c>pk</c> for three kinds of
/// item told apart by prefix. The sent claims are conditional puts, so two deliveries of one request cannot both
/// post; they expire through TTL, so the table does not grow with traffic.
/// </summary>
public sealed class ChatRelayStore(IAmazonDynamoDB dynamoDb, string tableName) : IChatRelayStore
{
    /// <summary>IAM actions of the function's operations (listing is the CLI's only).</summary>
    public static IReadOnlyList<string> IamActions { get; } = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"];

    public string TableName => tableName;

    public async Task<ChatToken?> GetTokenAsync(string hash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(hash);
        var item = await GetAsync(A.TokenPrefix + hash, cancellationToken).ConfigureAwait(false);
        return item is null ? null : ChatRelayMapper.TokenFromItem(item);
    }

    public Task PutTokenAsync(ChatToken token, CancellationToken cancellationToken = default) =>
        dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = ChatRelayMapper.ToItem(token) }, cancellationToken);

    public Task<bool> DeleteTokenAsync(string hash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(hash);
        return DeleteAsync(A.TokenPrefix + hash, cancellationToken);
    }

    public async Task<IReadOnlyList<ChatToken>> ListTokensAsync(CancellationToken cancellationToken = default) =>
        [.. (await ScanAsync(A.TokenPrefix, cancellationToken).ConfigureAwait(false)).Select(ChatRelayMapper.TokenFromItem)];

    public async Task<ChatRoom?> GetRoomAsync(string room, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(room);
        var item = await GetAsync(A.RoomPrefix + room, cancellationToken).ConfigureAwait(false);
        return item is null ? null : ChatRelayMapper.RoomFromItem(item);
    }

    public Task PutRoomAsync(ChatRoom room, CancellationToken cancellationToken = default) =>
        dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = ChatRelayMapper.ToItem(room) }, cancellationToken);

    public Task<bool> DeleteRoomAsync(string room, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(room);
        return DeleteAsync(A.RoomPrefix + room, cancellationToken);
    }

    public async Task<IReadOnlyList<ChatRoom>> ListRoomsAsync(CancellationToken cancellationToken = default) =>
        [.. (await ScanAsync(A.RoomPrefix, cancellationToken).ConfigureAwait(false)).Select(ChatRelayMapper.RoomFromItem)];

    public async Task<ChatSentClaim> TryClaimSentAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = new()
                {
                    [A.Pk] = ItemAttributes.S(A.SentPrefix + key),
                    [A.ExpiresAt] = ItemAttributes.N(expiresAt.ToUnixTimeSeconds()),
                },
                ConditionExpression = "attribute_not_exists(#pk)",
                ExpressionAttributeNames = new() { ["#pk"] = A.Pk },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, cancellationToken).ConfigureAwait(false);
            return new ChatSentClaim(true, null);
        }
        catch (ConditionalCheckFailedException held)
        {
            return new ChatSentClaim(false, held.Item is { } old ? ItemAttributes.NonEmptyString(old, A.SlackTs) : null);
        }
    }

    public Task MarkSentAsync(string key, string slackTs, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(slackTs);
        return dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = new() { [A.Pk] = ItemAttributes.S(A.SentPrefix + key) },
            UpdateExpression = "SET #ts = :ts",
            ExpressionAttributeNames = new() { ["#ts"] = A.SlackTs },
            ExpressionAttributeValues = new() { [":ts"] = ItemAttributes.S(slackTs) },
        }, cancellationToken);
    }

    public Task ReleaseSentAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return DeleteAsync(A.SentPrefix + key, cancellationToken);
    }

    private async Task<Dictionary<string, AttributeValue>?> GetAsync(string pk, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new() { [A.Pk] = ItemAttributes.S(pk) },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    private async Task<bool> DeleteAsync(string pk, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = tableName,
            Key = new() { [A.Pk] = ItemAttributes.S(pk) },
            ReturnValues = ReturnValue.ALL_OLD,
        }, cancellationToken).ConfigureAwait(false);
        return response.Attributes is { Count: > 0 };
    }

    private async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(string prefix, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest
            {
                TableName = tableName,
                FilterExpression = "begins_with(#pk, :prefix)",
                ExpressionAttributeNames = new() { ["#pk"] = A.Pk },
                ExpressionAttributeValues = new() { [":prefix"] = ItemAttributes.S(prefix) },
                ExclusiveStartKey = start,
                ConsistentRead = true,
            }, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return items;
    }
}
