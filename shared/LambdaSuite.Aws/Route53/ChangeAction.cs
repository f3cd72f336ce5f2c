namespace LambdaSuite.Aws.Route53;

/// <summary>Values of a change's <c>Action</c>.</summary>
public static class ChangeAction
{
    public const string Create = "CREATE";
    public const string Delete = "DELETE";
    public const string Upsert = "UPSERT";
}
