using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.TestKit.Dynamo;

namespace Cli.Tests.Functions;

/// <summary>
/// SesFeedback through its real Native AOT bootstrap (published by <c>./suite package</c>) under a local Runtime
/// API, writing to DynamoDB Local: the process boundary Lambda uses, not an in-process call.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SesFeedbackBootstrapTests : IAsyncLifetime
{
    private readonly IAmazonDynamoDB _dynamoDb = LocalDynamoDb.CreateClient();
    private readonly RepositoryLayout _layout = RepositoryLayout.Discover();
    private string _table = "";

    public async Task InitializeAsync() => _table = await LocalDynamoDb.CreateUniqueTableAsync(_dynamoDb, TableCatalog.Mailing);

    public async Task DisposeAsync()
    {
        await _dynamoDb.DeleteTableAsync(_table);
        _dynamoDb.Dispose();
    }

    [Fact]
    public async Task Bootstrap_DemoNotifications_WritesMailingTableAndSurvivesBadInput()
    {
        var logs = new List<string>();
        var environment = new Dictionary<string, string?> { ["MAILING_TABLE"] = _table, ["AWS_LAMBDA_LOG_LEVEL"] = "DEBUG" };
        await using var session = await BootstrapSession.StartAsync(_layout.PackagedBootstrap("SesFeedback"), "SesFeedback", l => { lock (logs) { logs.Add(l); } }, default, environment);

        var complaint = await session.InvokeAsync(await File.ReadAllBytesAsync(_layout.FullPath("demo/ses/04-complaint.json")), TimeSpan.FromSeconds(30), default);
        var notJson = await session.InvokeAsync("{{{"u8.ToArray(), TimeSpan.FromSeconds(30), default);
        var delivery = await session.InvokeAsync(await File.ReadAllBytesAsync(_layout.FullPath("demo/ses/07-delivery-after-complaint.json")), TimeSpan.FromSeconds(30), default);

        Assert.False(complaint.IsError, Encoding.UTF8.GetString(complaint.Body));
        Assert.Equal(1, (int)JsonNode.Parse(complaint.Body)!["applied"]!);
        Assert.True(notJson.IsError);
        Assert.Contains("not JSON", notJson.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.False(delivery.IsError);
        var stored = await new MailingStore(_dynamoDb, _table, TimeProvider.System).GetAsync("ben@readers.example");
        Assert.Equal(MailingState.Suppressed, stored!.State);
        Assert.Equal("Complaint", stored.SuppressionReason);
        Assert.Equal(1, stored.Totals["Delivery"]);
        lock (logs)
        {
            Assert.Contains(logs, l => l.Contains("requestId", StringComparison.Ordinal));
        }
    }
}
