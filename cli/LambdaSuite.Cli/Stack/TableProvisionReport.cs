using LambdaSuite.Data.Tables;
namespace LambdaSuite.Cli.Stack;

/// <summary>The whole answer of <c>stack tables --json</c>; <paramref name="Ok"/> is false when any table mismatches.</summary>
public sealed record TableProvisionReport(bool Ok, string Endpoint, IReadOnlyList<TableProvisionResult> Tables);
