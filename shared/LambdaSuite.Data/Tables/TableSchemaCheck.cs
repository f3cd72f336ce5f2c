using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LambdaSuite.Data.Tables;

/// <summary>Compares an existing table's primary key with the catalog's (names, roles and type S).</summary>
public static class TableSchemaCheck
{
    /// <summary>Null when the keys match; otherwise what differs, for a person to read.</summary>
    public static string? DescribeKeyMismatch(TableDefinition table, TableDescription existing)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(existing);

        // SDK v4 leaves absent lists null rather than empty.
        var keys = existing.KeySchema ?? [];
        var attributes = existing.AttributeDefinitions ?? [];
        var hash = keys.FirstOrDefault(k => k.KeyType == KeyType.HASH)?.AttributeName;
        var range = keys.FirstOrDefault(k => k.KeyType == KeyType.RANGE)?.AttributeName;
        if (hash != table.PartitionKey || range != table.SortKey)
        {
            return $"table has key ({Format(hash, range)}), catalog says ({Format(table.PartitionKey, table.SortKey)})";
        }

        foreach (var name in new[] { hash, range }.OfType<string>())
        {
            var type = attributes.FirstOrDefault(a => a.AttributeName == name)?.AttributeType;
            if (type != ScalarAttributeType.S)
            {
                return $"key attribute '{name}' has type {type?.Value ?? "unknown"}, catalog says S";
            }
        }

        return null;
    }

    private static string Format(string? partitionKey, string? sortKey) =>
        sortKey is null ? $"HASH {partitionKey ?? "none"}" : $"HASH {partitionKey ?? "none"}, RANGE {sortKey}";
}
