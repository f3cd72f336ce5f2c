using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit.Dynamo;
using LambdaSuite.TestKit.Runtime;
using SesFeedback.Feedback;
using SesFeedback.Mailing;
using static SesFeedback.Tests.SesMessages;

namespace SesFeedback.Tests;

/// <summary>Issue 19, item 3, end to end on DynamoDB Local: a fabricated address suppresses no other mailbox.</summary>
[Trait("Category", "Integration")]
public sealed class SesFeedbackHostileAddressTests : IAsyncLifetime
{
    private readonly IAmazonDynamoDB _dynamoDb = LocalDynamoDb.CreateClient();
    private string _table = "";

    public async Task InitializeAsync() => _table = await LocalDynamoDb.CreateUniqueTableAsync(_dynamoDb, TableCatalog.Mailing);

    public async Task DisposeAsync()
    {
        await _dynamoDb.DeleteTableAsync(_table);
        _dynamoDb.Dispose();
    }

    [Fact]
    public async Task InvokeAsync_ComplaintsForFabricatedAddresses_SuppressNoVictim()
    {
        var store = new MailingStore(_dynamoDb, _table, TimeProvider.System);
        var function = new SesFeedbackFunction(new FeedbackService(store, new MailingRules(SoftBouncePolicy.Default)), store);
        var context = new TestLambdaContext();
        string[] fabricated = ["\"<victim1@v.example>\"@evil.example", "attacker@evil.example (<victim2@v.example>)", "\"attacker<victim3@v.example>\"@evil.example"];
        var records = new JsonArray(fabricated.Select((address, i) => (JsonNode)new JsonObject
        {
            ["EventSource"] = "aws:sns",
            ["EventVersion"] = "1.0",
            ["Sns"] = new JsonObject { ["Type"] = "Notification", ["MessageId"] = $"sns-{i}", ["Message"] = Complaint(address, T0.AddMinutes(i), $"fb-{i}") },
        }).ToArray());

        var response = JsonNode.Parse(await function.InvokeAsync(Encoding.UTF8.GetBytes(new JsonObject { ["Records"] = records }.ToJsonString()), context))!;

        foreach (var victim in new[] { "victim1@v.example", "victim2@v.example", "victim3@v.example" })
        {
            Assert.Null(await store.GetAsync(victim));
        }

        Assert.Equal(MailingState.Suppressed, (await store.GetAsync("\"<victim1@v.example>\"@evil.example"))!.State);
        Assert.Equal(MailingState.Suppressed, (await store.GetAsync("\"attacker<victim3@v.example>\"@evil.example"))!.State);
        var skipped = Assert.Single(response["skippedRecipients"]!.AsArray())!;
        Assert.Equal(fabricated[1], skipped["address"]!.GetValue<string>());
        Assert.Contains("comment", skipped["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var warning = Assert.Single(context.Logger.Lines, l => l.Message.StartsWith("SES recipient refused", StringComparison.Ordinal));
        Assert.Equal("sns-1", warning.Fields["messageId"]);
        Assert.DoesNotContain(context.Logger.Lines, l => l.Fields.Values.Any(v => v?.Contains("victim2", StringComparison.Ordinal) == true));
    }
}
