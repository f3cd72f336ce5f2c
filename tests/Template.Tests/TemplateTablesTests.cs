using System.Text.Json;
using LambdaSuite.Data.Tables;
using Template.Tests.Support;

namespace Template.Tests;

public class TemplateTablesTests
{
    public static TheoryData<string> CatalogTables()
    {
        var data = new TheoryData<string>();
        foreach (var table in TableCatalog.All)
        {
            data.Add(table.LogicalName);
        }

        return data;
    }

    /// <summary>The template's logical id of a catalog table: <c>mailing</c> → <c>MailingTable</c>.</summary>
    public static string LogicalId(TableDefinition table) => char.ToUpperInvariant(table.LogicalName[0]) + table.LogicalName[1..] + "Table";

    [Fact]
    public void DeclaredTables_AreExactlyTheCatalog()
    {
        var template = SamTemplate.Repository;

        var declared = template.ResourcesOfType("AWS::DynamoDB::Table").Select(t => t.Key).Order().ToList();

        Assert.Equal(TableCatalog.All.Select(LogicalId).Order(), declared);
    }

    [Theory]
    [MemberData(nameof(CatalogTables))]
    public void Table_KeysAndAttributes_MatchTheCatalog(string logicalName)
    {
        var table = TableCatalog.All.Single(t => t.LogicalName == logicalName);

        var properties = SamTemplate.Repository.Resource(LogicalId(table)).GetProperty("Properties");

        var keys = properties.GetProperty("KeySchema").EnumerateArray().Select(k => (k.GetProperty("AttributeName").GetString(), k.GetProperty("KeyType").GetString())).ToList();
        List<(string?, string?)> expected = table.SortKey is null ? [(table.PartitionKey, "HASH")] : [(table.PartitionKey, "HASH"), (table.SortKey, "RANGE")];
        Assert.Equal(expected, keys);
        var attributes = properties.GetProperty("AttributeDefinitions").EnumerateArray().Select(a => (a.GetProperty("AttributeName").GetString(), a.GetProperty("AttributeType").GetString())).ToList();
        Assert.Equal(expected.Select(k => (k.Item1, (string?)"S")), attributes);
    }

    [Theory]
    [MemberData(nameof(CatalogTables))]
    public void Table_BillingRecoveryTtlAndStream_FollowTheCatalog(string logicalName)
    {
        var table = TableCatalog.All.Single(t => t.LogicalName == logicalName);

        var properties = SamTemplate.Repository.Resource(LogicalId(table)).GetProperty("Properties");

        Assert.Equal("PAY_PER_REQUEST", properties.GetProperty("BillingMode").GetString());
        Assert.True(properties.GetProperty("PointInTimeRecoverySpecification").GetProperty("PointInTimeRecoveryEnabled").GetBoolean());
        if (table.TimeToLiveAttribute is null)
        {
            Assert.False(properties.TryGetProperty("TimeToLiveSpecification", out _));
        }
        else
        {
            var ttl = properties.GetProperty("TimeToLiveSpecification");
            Assert.Equal(table.TimeToLiveAttribute, ttl.GetProperty("AttributeName").GetString());
            Assert.True(ttl.GetProperty("Enabled").GetBoolean());
        }

        Assert.Equal(table.StreamViewType, properties.TryGetProperty("StreamSpecification", out var stream) ? stream.GetProperty("StreamViewType").GetString() : null);
    }

    [Fact]
    public void TableVariables_InAnyFunction_ReferenceTheirOwnTable()
    {
        var template = SamTemplate.Repository;

        var wrong = new List<string>();
        foreach (var (function, _) in template.ResourcesOfType(SamTemplate.FunctionType))
        {
            foreach (var (name, value) in template.EnvironmentOf(function))
            {
                var table = TableCatalog.All.SingleOrDefault(t => t.EnvironmentVariable == name);
                if (table is not null && !(value.ValueKind == JsonValueKind.Object && value.TryGetProperty("Ref", out var target) && target.GetString() == LogicalId(table)))
                {
                    wrong.Add($"{function}.{name} = {value}");
                }
            }
        }

        Assert.Empty(wrong);
    }
}
