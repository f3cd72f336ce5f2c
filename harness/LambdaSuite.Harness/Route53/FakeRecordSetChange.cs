namespace LambdaSuite.Harness.Route53;

/// <summary>One change of a batch, with Route 53's action name (<c>CREATE</c>, <c>DELETE</c> or <c>UPSERT</c>).</summary>
public sealed record FakeRecordSetChange(string Action, FakeRecordSet Set)
{
    public const string Create = "CREATE";
    public const string Delete = "DELETE";
    public const string Upsert = "UPSERT";
}
