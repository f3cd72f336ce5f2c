using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ChatRelay.Relay;

/// <summary>
/// The key of one relayed request: the SHA-256 of its parts, each length-prefixed so that no two different lists
/// of parts hash alike (("ab","c") and ("a","bc") differ). Lowercase hex.
/// </summary>
internal static class IdempotencyKey
{
    public static string Of(params ReadOnlySpan<string> parts) => Of(parts, ReadOnlySpan<byte>.Empty);

    /// <summary>The key over <paramref name="parts"/> and then <paramref name="body"/> (the request's bytes as sent).</summary>
    public static string Of(ReadOnlySpan<string> parts, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        hash.AppendData(length);
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
