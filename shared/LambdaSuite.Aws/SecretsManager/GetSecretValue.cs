// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.SecretsManager;

/// <summary>GetSecretValue input: the secret's ARN or name; the AWSCURRENT version unless a version is named.</summary>
public sealed record GetSecretValueRequest
{
    public required string SecretId { get; init; }

    public string? VersionId { get; init; }

    public string? VersionStage { get; init; }
}

/// <summary>GetSecretValue output: exactly one of <see cref="SecretString"/> and <see cref="SecretBinary"/> is set.</summary>
public sealed record GetSecretValueResponse
{
    public string? ARN { get; init; }

    public string? Name { get; init; }

    public string? VersionId { get; init; }

    public string? SecretString { get; init; }

    /// <summary>Base64 on the wire; decoded bytes here.</summary>
    public byte[]? SecretBinary { get; init; }

    public IReadOnlyList<string> VersionStages { get; init; } = [];
}
