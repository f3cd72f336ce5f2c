using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LambdaSuite.Data.Tables;

/// <summary>
/// Makes DynamoDB hold the tables a catalog describes: creates missing ones (on-demand billing, string
/// keys), switches on TTL and streams the catalog asks for, and never changes or drops a table whose
/// keys differ (that is reported as a mismatch). Safe to run any number of times.
/// </summary>
public sealed class TableProvisioner(IAmazonDynamoDB dynamoDb, TimeProvider timeProvider)
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a new table may stay CREATING (real DynamoDB takes seconds, local servers none).</summary>
    public TimeSpan ActiveTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<TableProvisionResult>> EnsureAllAsync(
        IEnumerable<TableDefinition> tables, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(environment);
        var results = new List<TableProvisionResult>();
        foreach (var table in tables)
        {
            results.Add(await EnsureAsync(table, table.ResolveName(environment), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    public async Task<TableProvisionResult> EnsureAsync(TableDefinition table, string tableName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);

        var existing = await DescribeOrNullAsync(tableName, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            await CreateAsync(table, tableName, cancellationToken).ConfigureAwait(false);
            await WaitUntilActiveAsync(tableName, cancellationToken).ConfigureAwait(false);
            await EnableTimeToLiveAsync(table, tableName, cancellationToken).ConfigureAwait(false);
            return Result(table, tableName, TableProvisionOutcome.Created);
        }

        var keyProblem = TableSchemaCheck.DescribeKeyMismatch(table, existing);
        if (keyProblem is not null)
        {
            return Result(table, tableName, TableProvisionOutcome.Mismatch, keyProblem);
        }

        await WaitUntilActiveAsync(tableName, cancellationToken).ConfigureAwait(false);
        var changes = new List<string>();
        var streamProblem = await EnsureStreamAsync(table, tableName, existing, changes, cancellationToken).ConfigureAwait(false);
        var ttlProblem = await EnsureTimeToLiveAsync(table, tableName, changes, cancellationToken).ConfigureAwait(false);
        var problem = string.Join("; ", new[] { streamProblem, ttlProblem }.Where(p => p is not null));
        if (problem.Length > 0)
        {
            return Result(table, tableName, TableProvisionOutcome.Mismatch, problem);
        }

        return changes.Count == 0
            ? Result(table, tableName, TableProvisionOutcome.Exists)
            : Result(table, tableName, TableProvisionOutcome.Updated, string.Join("; ", changes));
    }

    private async Task<TableDescription?> DescribeOrNullAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            return response.Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private async Task CreateAsync(TableDefinition table, string tableName, CancellationToken cancellationToken)
    {
        var request = new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition(table.PartitionKey, ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement(table.PartitionKey, KeyType.HASH)],
        };
        if (table.SortKey is not null)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition(table.SortKey, ScalarAttributeType.S));
            request.KeySchema.Add(new KeySchemaElement(table.SortKey, KeyType.RANGE));
        }

        if (table.StreamViewType is not null)
        {
            request.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = new StreamViewType(table.StreamViewType) };
        }

        try
        {
            await dynamoDb.CreateTableAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // Another `stack up` created it between our describe and create; the keys are checked on the next run.
        }
    }

    private async Task WaitUntilActiveAsync(string tableName, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + ActiveTimeout;
        while (true)
        {
            var table = await DescribeOrNullAsync(tableName, cancellationToken).ConfigureAwait(false);
            if (table?.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            if (timeProvider.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"Table {tableName} is not ACTIVE after {ActiveTimeout.TotalSeconds:0} s (status {table?.TableStatus?.Value ?? "missing"}).");
            }

            await Task.Delay(s_pollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EnableTimeToLiveAsync(TableDefinition table, string tableName, CancellationToken cancellationToken)
    {
        if (table.TimeToLiveAttribute is null)
        {
            return;
        }

        await dynamoDb.UpdateTimeToLiveAsync(
            new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = table.TimeToLiveAttribute, Enabled = true },
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> EnsureTimeToLiveAsync(TableDefinition table, string tableName, List<string> changes, CancellationToken cancellationToken)
    {
        if (table.TimeToLiveAttribute is null)
        {
            return null;
        }

        var response = await dynamoDb.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
        var current = response.TimeToLiveDescription;
        var status = current?.TimeToLiveStatus;
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING)
        {
            return current!.AttributeName == table.TimeToLiveAttribute
                ? null
                : $"TTL is on attribute '{current.AttributeName}', catalog says '{table.TimeToLiveAttribute}'";
        }

        await EnableTimeToLiveAsync(table, tableName, cancellationToken).ConfigureAwait(false);
        changes.Add($"TTL enabled on '{table.TimeToLiveAttribute}'");
        return null;
    }

    private async Task<string?> EnsureStreamAsync(
        TableDefinition table, string tableName, TableDescription existing, List<string> changes, CancellationToken cancellationToken)
    {
        if (table.StreamViewType is null)
        {
            return null;
        }

        var current = existing.StreamSpecification;
        if (current?.StreamEnabled == true)
        {
            return current.StreamViewType?.Value == table.StreamViewType
                ? null
                : $"stream view type is {current.StreamViewType?.Value}, catalog says {table.StreamViewType}";
        }

        await dynamoDb.UpdateTableAsync(
            new UpdateTableRequest
            {
                TableName = tableName,
                StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = new StreamViewType(table.StreamViewType) },
            },
            cancellationToken).ConfigureAwait(false);
        await WaitUntilActiveAsync(tableName, cancellationToken).ConfigureAwait(false);
        changes.Add($"stream enabled ({table.StreamViewType})");
        return null;
    }

    private static TableProvisionResult Result(TableDefinition table, string tableName, TableProvisionOutcome outcome, string? detail = null) =>
        new(tableName, table.LogicalName, table.PartitionKey, table.SortKey, table.TimeToLiveAttribute, table.StreamViewType, outcome, detail);
}
