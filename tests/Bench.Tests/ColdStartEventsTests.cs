using System.Text;
using LambdaSuite.Bench;
using LambdaSuite.Cli.Invoke;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit.Dynamo;

namespace Bench.Tests;

/// <summary>
/// The cold-start bench measures each function on its first real event, so each event must be one the function
/// answers without an error: otherwise the bench would time an error path and print nothing.
/// </summary>
public sealed class ColdStartEventsTests
{
    public static TheoryData<string, string> FunctionTables => new()
    {
        { "SesFeedback", TableCatalog.Mailing.LogicalName },
        { "IotRegistry", TableCatalog.IotCatalog.LogicalName },
        { "Fanout", TableCatalog.FanoutTargets.LogicalName },
        { "DnsMirror", TableCatalog.DnsMirrorZones.LogicalName },
        { "ChatRelay", TableCatalog.ChatRelay.LogicalName },
    };

    [Fact]
    public void For_EveryShippedFunction_GivesItsOwnEvent()
    {
        var events = FunctionCatalog.Default.Functions.Select(f => Encoding.UTF8.GetString(ColdStartEvents.For(f.Name))).ToList();

        Assert.DoesNotContain("{}", events);
        Assert.Equal(events.Count, events.Distinct().Count());
    }

    [Fact]
    public void For_UnknownTarget_GivesEmptyObject()
    {
        var json = ColdStartEvents.For("LambdaProbe");

        Assert.Equal("{}", Encoding.UTF8.GetString(json));
    }

    [Theory]
    [MemberData(nameof(FunctionTables))]
    [Trait("Category", "Integration")]
    public async Task For_Function_AnswersWithoutErrorAgainstLocalStack(string function, string tableLogicalName)
    {
        var table = TableCatalog.All.Single(t => t.LogicalName == tableLogicalName);
        using var client = LocalDynamoDb.CreateClient();
        var tableName = await LocalDynamoDb.CreateUniqueTableAsync(client, table);
        string? Environment(string name) => name == table.EnvironmentVariable ? tableName : System.Environment.GetEnvironmentVariable(name);
        using var logs = new MemoryStream();

        var result = await new FunctionInvoker(_ => { }).InvokeInProcessAsync(
            FunctionCatalog.Default.Find(function), Environment, ColdStartEvents.For(function), TimeSpan.FromSeconds(30), logs);

        Assert.True(result.Succeeded, $"{function}: {result.Status} {result.Error?.ErrorType} {result.Error?.ErrorMessage}");
        Assert.NotNull(result.Response);
    }
}
