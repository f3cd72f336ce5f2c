using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LambdaSuite.Data.Tables;

/// <summary>Creates a catalog table (keys, on-demand billing, TTL, stream) if it does not exist yet.</summary>
public static class TableProvisioner
{
    public static CreateTableRequest BuildCreateRequest(TableDefinition table, string name)
    {
        ArgumentNullException.ThrowIfNull(table);
        var request = new CreateTableRequest
        {
            TableName = name,
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

        return request;
    }

    /// <summary>Creates the table when missing and waits until it is ACTIVE. Returns true when it was created.</summary>
    public static async Task<bool> EnsureAsync(IAmazonDynamoDB dynamoDb, TableDefinition table, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        ArgumentNullException.ThrowIfNull(table);
        var created = false;
        try
        {
            await dynamoDb.CreateTableAsync(BuildCreateRequest(table, name), cancellationToken).ConfigureAwait(false);
            created = true;
        }
        catch (ResourceInUseException)
        {
            // Already there: creation is idempotent.
        }

        for (var attempt = 0; attempt < 120; attempt++)
        {
            var description = await dynamoDb.DescribeTableAsync(name, cancellationToken).ConfigureAwait(false);
            if (description.Table.TableStatus == TableStatus.ACTIVE)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }

        if (created && table.TimeToLiveAttribute is not null)
        {
            await dynamoDb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = name,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = table.TimeToLiveAttribute, Enabled = true },
            }, cancellationToken).ConfigureAwait(false);
        }

        return created;
    }
}
