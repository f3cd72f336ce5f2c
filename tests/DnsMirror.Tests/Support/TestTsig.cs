using System.Buffers.Binary;
using System.Security.Cryptography;
using DnsMirror.Wire;

namespace DnsMirror.Tests.Support;

/// <summary>
/// Signs responses the way a server does (RFC 8945 §5.3), written out independently of the product's
/// signer so the two check each other.
/// </summary>
internal static class TestTsig
{
    public const string KeyName = "suite-tsig.";
    public static readonly byte[] Secret = Convert.FromBase64String("c3VpdGUtdGVzdC1zZWNyZXQtMzItYnl0ZXMtbG9uZyE=");

    public static string KeyText => KeyName + ":hmac-sha256:" + Convert.ToBase64String(Secret);

    /// <summary>
    /// Appends a TSIG RR to <paramref name="message"/>. <paramref name="priorMac"/> is the request MAC for the
    /// first response, else the previous response MAC; <paramref name="unsignedBefore"/> the unsigned
    /// messages since then, which the MAC also covers.
    /// </summary>
    public static (byte[] Message, byte[] Mac) Sign(byte[] message, byte[] priorMac, bool first, ulong time, IEnumerable<byte[]>? unsignedBefore = null, byte[]? secret = null)
    {
        var covered = new List<byte>();
        covered.AddRange(U16(priorMac.Length));
        covered.AddRange(priorMac);
        foreach (var earlier in unsignedBefore ?? [])
        {
            covered.AddRange(earlier);
        }

        covered.AddRange(message);
        if (first)
        {
            covered.AddRange(Name(KeyName));
            covered.AddRange(U16(255));
            covered.AddRange([0, 0, 0, 0]);
            covered.AddRange(Name("hmac-sha256."));
            covered.AddRange(U48(time));
            covered.AddRange(U16(300));
            covered.AddRange(U16(0));
            covered.AddRange(U16(0));
        }
        else
        {
            covered.AddRange(U48(time));
            covered.AddRange(U16(300));
        }

        var mac = HMACSHA256.HashData(secret ?? Secret, covered.ToArray());
        var rdata = new List<byte>();
        rdata.AddRange(Name("hmac-sha256."));
        rdata.AddRange(U48(time));
        rdata.AddRange(U16(300));
        rdata.AddRange(U16(mac.Length));
        rdata.AddRange(mac);
        rdata.AddRange(message.AsSpan(0, 2).ToArray());
        rdata.AddRange(U16(0));
        rdata.AddRange(U16(0));

        var signed = new List<byte>(message);
        signed.AddRange(Name(KeyName));
        signed.AddRange(U16(250));
        signed.AddRange(U16(255));
        signed.AddRange([0, 0, 0, 0]);
        signed.AddRange(U16(rdata.Count));
        signed.AddRange(rdata);
        var bytes = signed.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(10), (ushort)(BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(10)) + 1));
        return (bytes, mac);
    }

    private static byte[] Name(string name) => Rr.Wire(w => w.WriteName(name));

    private static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] U48(ulong value) => [(byte)(value >> 40), (byte)(value >> 32), (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
