namespace LambdaSuite.Data.Tables;

/// <summary>
/// One DynamoDB table as every part of the suite sees it: the functions (through the environment
/// variable that names it), <c>./suite stack</c> (which creates it locally), and the template tests
/// (which hold serverless.template against it).
/// </summary>
/// <param name="LogicalName">Default table name, and the base of the template's logical id.</param>
/// <param name="EnvironmentVariable">The variable a function reads the real table name from.</param>
/// <param name="PartitionKey">Partition key attribute name (type S).</param>
/// <param name="SortKey">Sort key attribute name (type S), or null.</param>
/// <param name="TimeToLiveAttribute">TTL attribute, or null when the table has none.</param>
/// <param name="StreamViewType">DynamoDB Streams view type, or null when the table has no stream.</param>
public sealed record TableDefinition(
    string LogicalName,
    string EnvironmentVariable,
    string PartitionKey,
    string? SortKey = null,
    string? TimeToLiveAttribute = null,
    string? StreamViewType = null)
{
    /// <summary>The table name to use: the environment variable's value, or <see cref="LogicalName"/>.</summary>
    public string ResolveName(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var configured = getEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(configured) ? LogicalName : configured;
    }
}
