// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

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

public sealed record AssumeRoleResponse
{
    public required Credentials Credentials { get; init; }

    /// <summary>The assumed-role ARN (<c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>).</summary>
    public string? AssumedRoleUserArn { get; init; }
}

public sealed record Credentials
{
    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    public required string SessionToken { get; init; }

    public required DateTimeOffset Expiration { get; init; }
}
