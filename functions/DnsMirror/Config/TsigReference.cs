namespace DnsMirror.Config;

/// <summary>
/// A TSIG key by reference: its name and algorithm, and where the secret is. <see cref="SecretEnv"/> names an
/// environment variable holding the base64 secret; <see cref="SecretArn"/> (Secrets Manager) is parsed and
/// checked but not fetched in this build.
/// </summary>
public sealed class TsigReference
{
    public string? KeyName { get; set; }

    public string? Algorithm { get; set; }

    public string? SecretEnv { get; set; }

    public string? SecretArn { get; set; }
}
