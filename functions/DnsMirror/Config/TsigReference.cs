namespace DnsMirror.Config;

/// <summary>
/// A TSIG key by reference: its name and algorithm, and where the secret is. <see cref="SecretEnv"/> names an
/// environment variable holding the base64 secret; <see cref="SecretArn"/> names a Secrets Manager secret holding it
/// (see <see cref="TsigSecretStore"/> for the accepted shapes). SecretArn wins when both are given.
/// </summary>
internal sealed class TsigReference
{
    public string? KeyName { get; set; }

    public string? Algorithm { get; set; }

    public string? SecretEnv { get; set; }

    public string? SecretArn { get; set; }
}
