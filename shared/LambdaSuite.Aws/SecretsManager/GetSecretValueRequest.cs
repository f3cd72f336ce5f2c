namespace LambdaSuite.Aws.SecretsManager;

/// <summary>GetSecretValue input: the secret's ARN or name; the AWSCURRENT version unless a version is named.</summary>
public sealed record GetSecretValueRequest
{
    public required string SecretId { get; init; }

    public string? VersionId { get; init; }

    public string? VersionStage { get; init; }
}
