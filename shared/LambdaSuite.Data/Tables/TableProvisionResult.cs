namespace LambdaSuite.Data.Tables;

/// <summary>One table after <see cref="TableProvisioner"/> looked at it, as <c>stack tables --json</c> prints it.</summary>
/// <param name="TableName">The name used (the table's environment variable, or its logical name).</param>
/// <param name="Detail">Why the outcome is <see cref="TableProvisionOutcome.Mismatch"/> or what was updated; null otherwise.</param>
public sealed record TableProvisionResult(
    string TableName,
    string LogicalName,
    string PartitionKey,
    string? SortKey,
    string? TimeToLiveAttribute,
    string? StreamViewType,
    TableProvisionOutcome Outcome,
    string? Detail = null);
