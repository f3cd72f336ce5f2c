using System.Security.Cryptography;
using DnsMirror.Wire;

namespace DnsMirror.Tsig;

/// <summary>
/// A shared TSIG secret (RFC 8945 §6). Text form <c>name:algorithm:base64</c>, as BIND's
/// <c>-y</c> option and the SUITE_DNS_TSIG variable write it.
/// </summary>
internal sealed class TsigKey
{
    public TsigKey(string name, string algorithm, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(secret);
        if (!DomainNameText.TryNormalize(name, NameEscapeStyle.Decimal, lowercase: true, out var normalizedName))
        {
            throw new ArgumentException($"TSIG key name '{name}' is not a domain name", nameof(name));
        }

        if (!DomainNameText.TryNormalize(algorithm, NameEscapeStyle.Decimal, lowercase: true, out var normalizedAlgorithm))
        {
            throw new ArgumentException($"TSIG algorithm '{algorithm}' is not a domain name", nameof(algorithm));
        }

        Hash = normalizedAlgorithm switch
        {
            "hmac-sha256." => HashAlgorithmName.SHA256,
            "hmac-sha384." => HashAlgorithmName.SHA384,
            "hmac-sha512." => HashAlgorithmName.SHA512,
            "hmac-sha1." => HashAlgorithmName.SHA1,
            _ => throw new ArgumentException($"TSIG algorithm '{algorithm}' is not supported (use hmac-sha256)", nameof(algorithm)),
        };
        Name = normalizedName;
        Algorithm = normalizedAlgorithm;
        Secret = secret;
    }

    /// <summary>Key name, absolute and lower case (the canonical form the MAC covers).</summary>
    public string Name { get; }

    /// <summary>Algorithm name, e.g. <c>hmac-sha256.</c>.</summary>
    public string Algorithm { get; }

    public HashAlgorithmName Hash { get; }

    internal byte[] Secret { get; }

    public int MacLength => Hash == HashAlgorithmName.SHA1 ? 20 : Hash == HashAlgorithmName.SHA384 ? 48 : Hash == HashAlgorithmName.SHA512 ? 64 : 32;

    public static TsigKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length == 2)
        {
            parts = [parts[0], "hmac-sha256", parts[1]];
        }

        if (parts.Length != 3)
        {
            throw new FormatException("TSIG key must be name:algorithm:base64secret");
        }

        var algorithm = parts[1].EndsWith('.') ? parts[1] : parts[1] + ".";
        return new TsigKey(parts[0], algorithm, Convert.FromBase64String(parts[2]));
    }

    internal IncrementalHash CreateHmac() => IncrementalHash.CreateHMAC(Hash, Secret);
}
