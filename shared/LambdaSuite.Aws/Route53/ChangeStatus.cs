namespace LambdaSuite.Aws.Route53;

/// <summary>Values of <see cref="ChangeInfo.Status"/>.</summary>
public static class ChangeStatus
{
    public const string Pending = "PENDING";

    /// <summary>Every Route 53 name server answers with the change.</summary>
    public const string InSync = "INSYNC";
}
