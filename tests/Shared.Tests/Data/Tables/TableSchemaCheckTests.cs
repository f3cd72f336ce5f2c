using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaSuite.Data.Tables;

namespace Shared.Tests.Data.Tables;

public sealed class TableSchemaCheckTests
{
    private static readonly TableDefinition s_definition = new("devices", "DEVICES_TABLE", "serialNumber", "clientId");

    [Fact]
    public void DescribeKeyMismatch_SameKeys_ReturnsNull()
    {
        var existing = Table(("serialNumber", KeyType.HASH, ScalarAttributeType.S), ("clientId", KeyType.RANGE, ScalarAttributeType.S));

        var problem = TableSchemaCheck.DescribeKeyMismatch(s_definition, existing);

        Assert.Null(problem);
    }

    [Fact]
    public void DescribeKeyMismatch_MissingSortKey_NamesBothShapes()
    {
        var existing = Table(("serialNumber", KeyType.HASH, ScalarAttributeType.S));

        var problem = TableSchemaCheck.DescribeKeyMismatch(s_definition, existing);

        Assert.Equal("table has key (HASH serialNumber), catalog says (HASH serialNumber, RANGE clientId)", problem);
    }

    [Fact]
    public void DescribeKeyMismatch_NumericKeyAttribute_ReportsType()
    {
        var existing = Table(("serialNumber", KeyType.HASH, ScalarAttributeType.S), ("clientId", KeyType.RANGE, ScalarAttributeType.N));

        var problem = TableSchemaCheck.DescribeKeyMismatch(s_definition, existing);

        Assert.Equal("key attribute 'clientId' has type N, catalog says S", problem);
    }

    [Fact]
    public void DescribeKeyMismatch_DescriptionWithoutKeySchema_ReportsNoKey()
    {
        var existing = new TableDescription { TableName = "devices" };

        var problem = TableSchemaCheck.DescribeKeyMismatch(s_definition, existing);

        Assert.Equal("table has key (HASH none), catalog says (HASH serialNumber, RANGE clientId)", problem);
    }

    private static TableDescription Table(params (string Name, KeyType Role, ScalarAttributeType Type)[] keys) => new()
    {
        TableName = "devices",
        KeySchema = [.. keys.Select(k => new KeySchemaElement(k.Name, k.Role))],
        AttributeDefinitions = [.. keys.Select(k => new AttributeDefinition(k.Name, k.Type))],
    };
}
