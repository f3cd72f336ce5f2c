namespace DnsMirror.Config;

/// <summary>
/// A Secrets Manager secret ARN (<c>arn:PARTITION:secretsmanager:REGION:ACCOUNT:secret:NAME</c>); the region is where
/// <see cref="TsigSecretStore"/> sends GetSecretValue.
/// </summary>
internal sealed record SecretArn(string Partition, string Region, string Account, string Name)
{
    public static SecretArn Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':', 7);
        if (parts.Length != 7 || parts[0] != "arn" || parts[2] != "secretsmanager" || parts[5] != "secret"
            || parts[1].Length == 0 || parts[3].Length == 0 || parts[4].Length != 12 || !parts[4].All(char.IsAsciiDigit) || parts[6].Length == 0)
        {
            throw new ZoneConfigException($"'{text}' is not a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME).");
        }

        return new SecretArn(parts[1], parts[3], parts[4], parts[6]);
    }
}
