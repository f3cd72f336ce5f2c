using System.CommandLine;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaSuite.Cli.Stack;
using LambdaSuite.Data;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit;

namespace Cli.Tests.Stack;

/// <summary>
/// `stack tables` against DynamoDB Local. Each test maps every catalog table to a name of its own through
/// the tables' environment variables, so runs never collide on the shared in-memory database.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StackCommandsTests : IAsyncLifetime
{
    private readonly string _prefix = $"t{Guid.NewGuid():N}"[..10] + "-";
    private readonly Dictionary<string, string?> _environment;
    private readonly IAmazonDynamoDB _dynamoDb;

    public StackCommandsTests()
    {
        _environment = new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = LocalStack.DynamoDb.ToString(),
            ["AWS_REGION"] = "us-east-1",
        };
        foreach (var table in TableCatalog.All)
        {
            _environment[table.EnvironmentVariable] = _prefix + table.LogicalName;
        }

        _dynamoDb = DynamoDbClientFactory.Create(Environment);
    }

    [Fact]
    public async Task Tables_EmptyDatabase_CreatesEveryCatalogTableWithItsKeysAndTtl()
    {
        var (exitCode, output, _) = await InvokeAsync("tables", "--json");

        Assert.Equal(0, exitCode);
        var outcomes = ReadOutcomes(output);
        foreach (var table in TableCatalog.All)
        {
            var name = table.ResolveName(Environment);
            Assert.Equal("created", outcomes[name]);
            var description = (await _dynamoDb.DescribeTableAsync(name)).Table;
            Assert.Equal(TableStatus.ACTIVE, description.TableStatus);
            Assert.Equal(ExpectedKeys(table), description.KeySchema.Select(k => $"{k.KeyType.Value}:{k.AttributeName}").ToArray());
            Assert.All(description.AttributeDefinitions, a => Assert.Equal(ScalarAttributeType.S, a.AttributeType));
            var ttl = (await _dynamoDb.DescribeTimeToLiveAsync(name)).TimeToLiveDescription;
            if (table.TimeToLiveAttribute is null)
            {
                Assert.Equal(TimeToLiveStatus.DISABLED, ttl.TimeToLiveStatus);
            }
            else
            {
                Assert.Equal(TimeToLiveStatus.ENABLED, ttl.TimeToLiveStatus);
                Assert.Equal(table.TimeToLiveAttribute, ttl.AttributeName);
            }
        }
    }

    [Fact]
    public async Task Tables_RunTwice_SecondRunReportsExistsAndKeepsTables()
    {
        await InvokeAsync("tables");
        var firstCreated = await CreationTimesAsync();

        var (exitCode, output, _) = await InvokeAsync("tables", "--json");

        Assert.Equal(0, exitCode);
        Assert.All(ReadOutcomes(output).Values, outcome => Assert.Equal("exists", outcome));
        Assert.Equal(firstCreated, await CreationTimesAsync());
    }

    [Fact]
    public async Task Tables_ExistingTableWithOtherKey_ExitsOneAndLeavesTableAsItWas()
    {
        var mailing = TableCatalog.Mailing.ResolveName(Environment);
        await _dynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = mailing,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("email", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("email", KeyType.HASH)],
        });

        var (exitCode, output, _) = await InvokeAsync("tables", "--json");

        Assert.Equal(1, exitCode);
        using var report = JsonDocument.Parse(output);
        Assert.False(report.RootElement.GetProperty("ok").GetBoolean());
        var mismatch = report.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("tableName").GetString() == mailing);
        Assert.Equal("mismatch", mismatch.GetProperty("outcome").GetString());
        Assert.Contains("email", mismatch.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("email", (await _dynamoDb.DescribeTableAsync(mailing)).Table.KeySchema.Single().AttributeName);
        Assert.Equal("created", ReadOutcomes(output)[TableCatalog.FanoutTargets.ResolveName(Environment)]);
    }

    [Fact]
    public async Task Tables_WithoutJson_PrintsOneLinePerTable()
    {
        var (exitCode, output, _) = await InvokeAsync("tables");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(TableCatalog.All.Count, lines.Length);
        Assert.All(TableCatalog.All, table => Assert.Contains(lines, l => l.StartsWith("created", StringComparison.Ordinal) && l.Contains(table.ResolveName(Environment), StringComparison.Ordinal)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var table in TableCatalog.All)
        {
            try
            {
                await _dynamoDb.DeleteTableAsync(table.ResolveName(Environment));
            }
            catch (ResourceNotFoundException)
            {
                // The test failed before creating it; nothing to clean.
            }
        }

        _dynamoDb.Dispose();
    }

    private string? Environment(string name) => _environment.GetValueOrDefault(name);

    private async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parseResult = StackCommands.Create(Environment).Parse(args);

        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        return (exitCode, output.ToString(), error.ToString());
    }

    private static Dictionary<string, string?> ReadOutcomes(string json)
    {
        using var report = JsonDocument.Parse(json);
        return report.RootElement.GetProperty("tables").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tableName").GetString()!, t => t.GetProperty("outcome").GetString());
    }

    private static string[] ExpectedKeys(TableDefinition table) =>
        table.SortKey is null ? [$"HASH:{table.PartitionKey}"] : [$"HASH:{table.PartitionKey}", $"RANGE:{table.SortKey}"];

    private async Task<DateTime?[]> CreationTimesAsync()
    {
        var times = new List<DateTime?>();
        foreach (var table in TableCatalog.All)
        {
            times.Add((await _dynamoDb.DescribeTableAsync(table.ResolveName(Environment))).Table.CreationDateTime);
        }

        return [.. times];
    }
}
