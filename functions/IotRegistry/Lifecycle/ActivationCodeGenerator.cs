using System.Security.Cryptography;

namespace IotRegistry.Lifecycle;

/// <summary>
/// New activation codes for unbound devices: 16 characters from a 32-letter alphabet without look-alikes (0/O, 1/I),
/// 80 bits from the system's CSPRNG, grouped in fours as a label would print them.
/// </summary>
internal static class ActivationCodeGenerator
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NewCode()
    {
        var raw = RandomNumberGenerator.GetString(Alphabet, 16);
        return string.Join('-', raw[..4], raw[4..8], raw[8..12], raw[12..]);
    }
}
