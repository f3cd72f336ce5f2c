using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaSuite.Data;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit;

namespace Shared.Tests.Data.Tables;

/// <summary>TableProvisioner against DynamoDB Local, with definitions that use TTL and streams.</summary>
[Trait("Category", "Integration")]
public sealed class TableProvisionerTests : IAsyncLifetime
{
    private readonly string _name = $"t{Guid.NewGuid():N}"[..10] + "-provisioner";
    private readonly IAmazonDynamoDB _dynamoDb = DynamoDbClientFactory.Create(name => name switch
    {
        "AWS_ENDPOINT_URL_DYNAMODB" => LocalStack.DynamoDb.ToString(),
        _ => null,
    });

    [Fact]
    public async Task EnsureAsync_DefinitionWithTtlAndStream_CreatesTableWithBoth()
    {
        var definition = new TableDefinition("sessions", "SESSIONS_TABLE", "id", "at", TimeToLiveAttribute: "expiresAt", StreamViewType: "NEW_AND_OLD_IMAGES");
        var provisioner = new TableProvisioner(_dynamoDb, TimeProvider.System);

        var result = await provisioner.EnsureAsync(definition, _name, CancellationToken.None);

        Assert.Equal(TableProvisionOutcome.Created, result.Outcome);
        var table = (await _dynamoDb.DescribeTableAsync(_name)).Table;
        Assert.True(table.StreamSpecification.StreamEnabled);
        Assert.Equal(StreamViewType.NEW_AND_OLD_IMAGES, table.StreamSpecification.StreamViewType);
        Assert.False(string.IsNullOrEmpty(table.LatestStreamArn));
        var ttl = (await _dynamoDb.DescribeTimeToLiveAsync(_name)).TimeToLiveDescription;
        Assert.Equal(TimeToLiveStatus.ENABLED, ttl.TimeToLiveStatus);
        Assert.Equal("expiresAt", ttl.AttributeName);
    }

    [Fact]
    public async Task EnsureAsync_ExistingTableWithoutTtlOrStream_SwitchesThemOnAndReportsUpdated()
    {
        var plain = new TableDefinition("sessions", "SESSIONS_TABLE", "id");
        var provisioner = new TableProvisioner(_dynamoDb, TimeProvider.System);
        await provisioner.EnsureAsync(plain, _name, CancellationToken.None);

        var result = await provisioner.EnsureAsync(plain with { TimeToLiveAttribute = "expiresAt", StreamViewType = "KEYS_ONLY" }, _name, CancellationToken.None);

        Assert.Equal(TableProvisionOutcome.Updated, result.Outcome);
        Assert.Contains("expiresAt", result.Detail, StringComparison.Ordinal);
        Assert.Equal(TimeToLiveStatus.ENABLED, (await _dynamoDb.DescribeTimeToLiveAsync(_name)).TimeToLiveDescription.TimeToLiveStatus);
        Assert.Equal(StreamViewType.KEYS_ONLY, (await _dynamoDb.DescribeTableAsync(_name)).Table.StreamSpecification.StreamViewType);
    }

    [Fact]
    public async Task EnsureAsync_ExistingTtlOnOtherAttribute_ReportsMismatchAndKeepsIt()
    {
        var provisioner = new TableProvisioner(_dynamoDb, TimeProvider.System);
        var definition = new TableDefinition("sessions", "SESSIONS_TABLE", "id", TimeToLiveAttribute: "expiresAt");
        await provisioner.EnsureAsync(definition, _name, CancellationToken.None);

        var result = await provisioner.EnsureAsync(definition with { TimeToLiveAttribute = "ttl" }, _name, CancellationToken.None);

        Assert.Equal(TableProvisionOutcome.Mismatch, result.Outcome);
        Assert.Equal("expiresAt", (await _dynamoDb.DescribeTimeToLiveAsync(_name)).TimeToLiveDescription.AttributeName);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        try
        {
            await _dynamoDb.DeleteTableAsync(_name);
        }
        catch (ResourceNotFoundException)
        {
            // The test failed before creating it; nothing to clean.
        }

        _dynamoDb.Dispose();
    }
}
