namespace LambdaSuite.Aws.Sts;

public sealed record AssumeRoleResponse
{
    public required Credentials Credentials { get; init; }

    /// <summary>The assumed-role ARN (<c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>).</summary>
    public string? AssumedRoleUserArn { get; init; }
}
