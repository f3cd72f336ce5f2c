namespace LambdaSuite.Aws.Sts;

public sealed record Credentials
{
    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    public required string SessionToken { get; init; }

    public required DateTimeOffset Expiration { get; init; }
}
