using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LambdaSuite.Data.Tables;

namespace LambdaSuite.TestKit.Dynamo;

/// <summary>Clients and throwaway tables on the local stack's DynamoDB (or a person's LocalStack).</summary>
public static class LocalDynamoDb
{
    public static IAmazonDynamoDB CreateClient() =>
        new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = LocalStack.DynamoDb.ToString(),
            AuthenticationRegion = "us-east-1",
        });

    /// <summary>Creates a table shaped like <paramref name="table"/> under a unique name, so test classes never share state.</summary>
    public static async Task<string> CreateUniqueTableAsync(IAmazonDynamoDB client, TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var name = $"{table.LogicalName}-{Guid.NewGuid():N}";
        await new TableProvisioner(client, TimeProvider.System).EnsureAsync(table, name, CancellationToken.None);
        return name;
    }
}
