using System.Security.Cryptography;
using System.Text;

namespace LambdaSuite.Data.ChatRelay;

/// <summary>
/// How a HipChat token is kept: the lowercase hex SHA-256 of its UTF-8 octets. The token itself is never stored,
/// logged or printed; HipChat tokens are 40 random characters, so an unsalted hash cannot be reversed by guessing.
/// </summary>
public static class ChatTokenHash
{
    /// <summary>The hash as stored in <c>token#&lt;hash&gt;</c>.</summary>
    public static string Of(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>The first 12 hex digits: what listings show so people can tell tokens apart.</summary>
    public static string Prefix(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return hash.Length <= 12 ? hash : hash[..12];
    }

    /// <summary>Compares two hashes in constant time (the lengths are public: both are 64 hex digits).</summary>
    public static bool Matches(string expectedHash, string actualHash)
    {
        ArgumentNullException.ThrowIfNull(expectedHash);
        ArgumentNullException.ThrowIfNull(actualHash);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHash), Encoding.ASCII.GetBytes(actualHash));
    }
}
