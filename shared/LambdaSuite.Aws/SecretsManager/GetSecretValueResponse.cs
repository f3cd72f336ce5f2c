namespace LambdaSuite.Aws.SecretsManager;

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
