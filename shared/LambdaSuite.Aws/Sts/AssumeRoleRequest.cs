namespace LambdaSuite.Aws.Sts;

public sealed record AssumeRoleRequest
{
    public required string RoleArn { get; init; }

    public required string RoleSessionName { get; init; }

    /// <summary>The value the target account's trust policy demands (confused-deputy protection).</summary>
    public string? ExternalId { get; init; }

    /// <summary>900 to the role's maximum; the service's default is 3600.</summary>
    public int? DurationSeconds { get; init; }
}
