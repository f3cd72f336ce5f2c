using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LambdaSuite.Data.Devices;
using LambdaSuite.Data.Tables;
using Xunit;

namespace LambdaSuite.TestKit.Devices;

/// <summary>
/// A fresh iotCatalog table on the local DynamoDB for one test class (unique name, deleted afterwards), a client
/// that counts the requests it sends by operation, and the environment a function under test should see.
/// </summary>
public sealed class IotCatalogTableFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    public IotCatalogTableFixture()
    {
        var config = new AmazonDynamoDBConfig { ServiceURL = LocalStack.DynamoDb.ToString(), AuthenticationRegion = "us-east-1" };
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), config);
        client.BeforeRequestEvent += (_, args) =>
        {
            if (args is WebServiceRequestEventArgs request)
            {
                _requests.AddOrUpdate(request.Request.GetType().Name.Replace("Request", string.Empty, StringComparison.Ordinal), 1, static (_, n) => n + 1);
            }
        };
        Client = client;
    }

    public IAmazonDynamoDB Client { get; }

    public string TableName { get; } = $"{TableCatalog.IotCatalog.LogicalName}-test-{Guid.NewGuid():N}";

    public DeviceCatalog Catalog => new(Client, TableName);

    /// <summary>Requests sent so far, by operation (<c>PutItem</c>, <c>UpdateItem</c>, <c>GetItem</c>, ...).</summary>
    public IReadOnlyDictionary<string, int> RequestCounts => new Dictionary<string, int>(_requests, StringComparer.Ordinal);

    public int RequestCount(string operation) => _requests.TryGetValue(operation, out var count) ? count : 0;

    public void ResetRequestCounts() => _requests.Clear();

    /// <summary>The variables IotRegistry reads, pointed at this table, with <paramref name="overrides"/> on top.</summary>
    public Func<string, string?> Environment(params (string Name, string? Value)[] overrides)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [TableCatalog.IotCatalog.EnvironmentVariable] = TableName,
            ["AWS_ENDPOINT_URL_DYNAMODB"] = LocalStack.DynamoDb.ToString(),
            ["AWS_REGION"] = "us-east-1",
        };
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }

        return name => values.TryGetValue(name, out var value) ? value : null;
    }

    public async Task InitializeAsync()
    {
        var definition = TableCatalog.IotCatalog;
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = TableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition(definition.PartitionKey, ScalarAttributeType.S),
                new AttributeDefinition(definition.SortKey!, ScalarAttributeType.S),
            ],
            KeySchema =
            [
                new KeySchemaElement(definition.PartitionKey, KeyType.HASH),
                new KeySchemaElement(definition.SortKey!, KeyType.RANGE),
            ],
        });
        ResetRequestCounts();
    }

    public async Task DisposeAsync()
    {
        await Client.DeleteTableAsync(TableName);
        Client.Dispose();
    }
}
