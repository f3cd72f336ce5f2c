using System.Text.Json;
using Template.Tests.Support;

namespace Template.Tests;

public class FunctionPermissionsTests
{
    /// <summary>
    /// What Lambda's pollers and on-failure destinations need from the function's role; never what the code calls.
    /// Not kinesis:SubscribeToShard (enhanced fan-out consumers only; the mapping reads shards directly) and not
    /// dynamodb:ListStreams (it takes no stream ARN as resource, so a grant on the stream ARN allowed nothing).
    /// </summary>
    private static readonly HashSet<string> s_eventSourceActions = new(StringComparer.Ordinal)
    {
        "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility", "sqs:SendMessage", "sns:Publish",
        "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards",
        "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
    };

    public static TheoryData<string> Functions() => FunctionDeclarations.All();

    [Theory]
    [MemberData(nameof(Functions))]
    public void CodeStatements_GrantExactlyTheActionsTheComposedClientsCall(string function)
    {
        var declared = FunctionDeclarations.IamActions(function);

        var granted = SamTemplate.Repository.StatementsOf(function).Where(s => s.IsCode).SelectMany(s => s.Actions).Distinct();

        Assert.Equal(declared.Distinct().Order(StringComparer.Ordinal), granted.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Statements_AreAllowsOnNamedResources_NeverAWildcard(string function)
    {
        var statements = SamTemplate.Repository.StatementsOf(function);

        Assert.NotEmpty(statements);
        Assert.All(statements, s =>
        {
            Assert.Equal("Allow", s.Effect);
            Assert.True(s.IsCode || s.IsEventSource, $"{function}: statement '{s.Sid}' is neither Code* nor EventSource*.");
            Assert.DoesNotContain("*", s.LiteralResources());
            Assert.DoesNotContain(s.Actions, a => a.Contains('*', StringComparison.Ordinal));
        });
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void EventSourceStatements_OnlyGrantPollerAndDestinationActions(string function)
    {
        var statements = SamTemplate.Repository.StatementsOf(function).Where(s => s.IsEventSource);

        var extra = statements.SelectMany(s => s.Actions).Where(a => !s_eventSourceActions.Contains(a)).ToList();

        Assert.Empty(extra);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void TableActions_AreScopedToTheTablesTheFunctionComposes(string function)
    {
        var tables = FunctionDeclarations.Tables(function).Select(TemplateTablesTests.LogicalId).ToHashSet(StringComparer.Ordinal);

        var tableStatements = SamTemplate.Repository.StatementsOf(function).Where(s => s.IsCode && s.Actions.Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal))).ToList();

        Assert.All(tableStatements, s =>
        {
            var targets = s.Resource.EnumerateArray().Select(r => r.GetProperty("Fn::GetAtt")[0].GetString()!).ToHashSet(StringComparer.Ordinal);
            Assert.Subset(tables, targets);
        });
        Assert.Equal(tables.Count > 0, tableStatements.Count > 0);
    }

    [Fact]
    public void PolicyStatementFrom_ConditionalWithoutNoValueFallback_IsRejected()
    {
        using var document = JsonDocument.Parse("""{"Fn::If":["C",{"Sid":"CodeX","Effect":"Allow","Action":"sns:Publish","Resource":"arn:aws:sns:eu-west-1:1:t"},{"Sid":"Other"}]}""");

        var error = Record.Exception(() => PolicyStatement.From("F", document.RootElement));

        Assert.IsType<Xunit.Sdk.XunitException>(error);
    }
}
