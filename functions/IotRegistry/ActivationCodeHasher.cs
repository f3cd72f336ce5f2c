using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using LambdaSuite.Data.Devices;

namespace IotRegistry;

/// <summary>
/// Turns an activation code into HMAC-SHA256 under a key from configuration, bound to the device's key: the
/// table never holds a code, a stolen table does not let anyone test guesses offline without the key, and a
/// hash copied onto another device does not match there. The message is length-prefixed so that no two
/// (serialNumber, clientId, code) triples encode alike. <see cref="KeyId"/> names the key without revealing it, so
/// each stored hash can say which key made it and a rotated key does not orphan it.
/// </summary>
internal sealed class ActivationCodeHasher
{
    /// <summary>Versions the message layout so a future change can coexist with stored hashes.</summary>
    private static readonly byte[] s_domain = "iotRegistry/activationCode/v1"u8.ToArray();

    /// <summary>The fixed message whose MAC is the key's fingerprint; apart from <see cref="s_domain"/>, so no code's MAC can equal it.</summary>
    private static readonly byte[] s_keyIdMessage = "iotRegistry/activationKeyId/v1"u8.ToArray();

    /// <summary>Octets of the fingerprint kept: 72 bits, 12 base64url characters; collisions between a handful of keys are out of reach.</summary>
    private const int KeyIdBytes = 9;

    private readonly byte[] _key;

    public ActivationCodeHasher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < IotRegistrySettings.MinimumKeyBytes)
        {
            throw new ArgumentException($"The activation code key must be at least {IotRegistrySettings.MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = (byte[])key.Clone();
        KeyId = Base64Url(HMACSHA256.HashData(_key, s_keyIdMessage).AsSpan(0, KeyIdBytes));
    }

    /// <summary>
    /// A short fingerprint of the key (a MAC of a fixed message under it): the same key always gives the same id,
    /// whatever Secrets Manager version holds it, and the id tells nothing about the key or any code.
    /// </summary>
    public string KeyId { get; }

    /// <summary>The base64 HMAC stored in the table and sent in the activation condition.</summary>
    public string Hash(DeviceKey device, string activationCode) => Convert.ToBase64String(Mac(device, activationCode));

    /// <summary>Constant-time check of <paramref name="activationCode"/> against a stored HMAC.</summary>
    public bool Matches(string storedHmac, DeviceKey device, string activationCode)
    {
        ArgumentNullException.ThrowIfNull(storedHmac);
        Span<byte> stored = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(storedHmac, stored, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(stored, Mac(device, activationCode));
    }

    private byte[] Mac(DeviceKey device, string activationCode)
    {
        ArgumentNullException.ThrowIfNull(activationCode);
        var message = new List<byte>(s_domain.Length + 16 + (2 * (device.SerialNumber.Length + device.ClientId.Length + activationCode.Length)));
        Append(message, s_domain);
        Append(message, Encoding.UTF8.GetBytes(device.SerialNumber));
        Append(message, Encoding.UTF8.GetBytes(device.ClientId));
        Append(message, Encoding.UTF8.GetBytes(activationCode));
        return HMACSHA256.HashData(_key, message.ToArray());
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void Append(List<byte> message, byte[] field)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, field.Length);
        message.AddRange(length);
        message.AddRange(field);
    }
}
