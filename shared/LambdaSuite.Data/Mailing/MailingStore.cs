using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using A = LambdaSuite.Data.Mailing.MailingAttributes;

namespace LambdaSuite.Data.Mailing;

/// <summary>
/// The <c>mailing</c> table. Writes are optimistic: the new record is computed from the last known one and
/// written with a condition on its version (or on its absence). When the condition fails DynamoDB returns the
/// current item with the failure (<c>ReturnValuesOnConditionCheckFailure = ALL_OLD</c>), so the transition is
/// recomputed without a read. Records this container wrote are remembered (bounded), so an address seen before
/// costs one conditional write per event and no reads.
/// </summary>
public sealed class MailingStore(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider timeProvider, int cacheCapacity = 10_000) : IMailingStore
{
    /// <summary>IAM actions of what the function does with the table: conditional PutItem (ApplyAsync), GetItem (GetAsync, conflict re-reads).</summary>
    public static IReadOnlyList<string> FunctionIamActions { get; } = ["dynamodb:PutItem", "dynamodb:GetItem"];

    /// <summary>IAM actions of the CLI, which also lists the table: the function's, and Scan (ListAsync). The function's role never gets Scan.</summary>
    public static IReadOnlyList<string> CliIamActions { get; } = [.. FunctionIamActions, "dynamodb:Scan"];

    private const int MaxAttempts = 25;
    private readonly RecordCache _cache = new(cacheCapacity);

    public string TableName => tableName;

    /// <summary>
    /// Applies <paramref name="transition"/> to the address's current record (null when there is none). The
    /// transition returns the next record, or null when the event changes nothing (a duplicate).
    /// </summary>
    public Task<MailingWriteOutcome> ApplyAsync(string address, Func<MailingRecord?, MailingRecord?> transition, CancellationToken cancellationToken = default) =>
        ApplyAsync(address, _cache.Get(address), transition, cancellationToken);

    /// <summary>
    /// Like <see cref="ApplyAsync(string, Func{MailingRecord?, MailingRecord?}, CancellationToken)"/>, starting from
    /// <paramref name="known"/> (a record just read) instead of this container's cache. With a null
    /// <paramref name="known"/> the transition is asked about an absent record.
    /// </summary>
    public async Task<MailingWriteOutcome> ApplyAsync(string address, MailingRecord? known, Func<MailingRecord?, MailingRecord?> transition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(transition);
        var current = known;
        int writes = 0, reads = 0;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var next = transition(current);
            if (next is null)
            {
                return new MailingWriteOutcome(current, Changed: false, writes, reads);
            }

            next = next with { Version = (current?.Version ?? 0) + 1, UpdatedAt = timeProvider.GetUtcNow() };
            var item = MailingMapper.ToItem(next);

            // The rules bound every field and list so this cannot happen; if it ever did, say so instead of DynamoDB's ValidationException.
            var size = MailingItemSize.Of(item);
            if (size > MailingBounds.MaxItemBytes)
            {
                throw new InvalidOperationException($"The mailing record would be {size} bytes, over DynamoDB's {MailingBounds.MaxItemBytes}-byte item limit; nothing was written.");
            }

            var request = new PutItemRequest
            {
                TableName = tableName,
                Item = item,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            };
            if (current is null)
            {
                request.ConditionExpression = "attribute_not_exists(#id)";
                request.ExpressionAttributeNames = new() { ["#id"] = A.UserId };
            }
            else
            {
                request.ConditionExpression = "#v = :v";
                request.ExpressionAttributeNames = new() { ["#v"] = A.Version };
                request.ExpressionAttributeValues = new() { [":v"] = ItemAttributes.N(current.Version) };
            }

            try
            {
                writes++;
                await dynamoDb.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
                _cache.Set(next);
                return new MailingWriteOutcome(next, Changed: true, writes, reads);
            }
            catch (ConditionalCheckFailedException failed)
            {
                // Someone else wrote first, or our cached copy is stale: start again from what is stored.
                if (failed.Item is { Count: > 0 } stored)
                {
                    current = MailingMapper.FromItem(stored);
                }
                else
                {
                    reads++;
                    current = await GetAsync(address, cancellationToken).ConfigureAwait(false);
                }

                // Writers racing on one hot address: spread them out (full jitter, at most ~100 ms).
                if (attempt > 1)
                {
                    var ceiling = Math.Min(100, 1 << Math.Min(attempt, 7));
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(ceiling)), timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        throw new InvalidOperationException($"Gave up writing a mailing record after {MaxAttempts} conflicting writes (the address is not named here: logs outlive the table's records).");
    }

    public async Task<MailingRecord?> GetAsync(string address, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new() { [A.UserId] = new AttributeValue { S = address } },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? MailingMapper.FromItem(item) : null;
    }

    /// <summary>Every record, optionally only those in <paramref name="state"/>, following every page.</summary>
    public async IAsyncEnumerable<MailingRecord> ListAsync(MailingState? state, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new ScanRequest { TableName = tableName, ExclusiveStartKey = startKey };
            if (state is { } wanted)
            {
                request.FilterExpression = "#s = :s";
                request.ExpressionAttributeNames = new() { ["#s"] = A.State };
                request.ExpressionAttributeValues = new() { [":s"] = new AttributeValue { S = wanted == MailingState.Suppressed ? "suppressed" : "active" } };
            }

            var page = await dynamoDb.ScanAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items ?? [])
            {
                yield return MailingMapper.FromItem(item);
            }

            startKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);
    }

    /// <summary>A bounded map of the records this container last wrote; eviction is coarse (clear when full).</summary>
    private sealed class RecordCache(int capacity)
    {
        private readonly Dictionary<string, MailingRecord> _records = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();

        public MailingRecord? Get(string address)
        {
            lock (_lock)
            {
                return _records.GetValueOrDefault(address);
            }
        }

        public void Set(MailingRecord record)
        {
            lock (_lock)
            {
                if (_records.Count >= capacity && !_records.ContainsKey(record.Address))
                {
                    _records.Clear();
                }

                _records[record.Address] = record;
            }
        }
    }
}
