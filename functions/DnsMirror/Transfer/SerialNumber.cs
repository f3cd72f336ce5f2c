namespace DnsMirror.Transfer;

/// <summary>
/// SOA serial comparison in RFC 1982 serial number arithmetic (SERIAL_BITS = 32): serials wrap, so
/// "newer" means ahead by less than 2^31. Two serials exactly 2^31 apart are unordered (§3.2).
/// </summary>
internal static class SerialNumber
{
    private const uint Half = 1u << 31;

    /// <summary>Whether <paramref name="candidate"/> is greater than <paramref name="known"/> (RFC 1982 §3.2).</summary>
    public static bool IsNewer(uint candidate, uint known) =>
        candidate != known && unchecked(candidate - known) < Half;

    /// <summary>-1, 0 or 1; null when the two are undefined relative to each other.</summary>
    public static int? Compare(uint left, uint right)
    {
        if (left == right)
        {
            return 0;
        }

        if (unchecked(left - right) == Half)
        {
            return null;
        }

        return IsNewer(left, right) ? 1 : -1;
    }

    /// <summary>RFC 1982 §3.1 addition: only 0 to 2^31 - 1 may be added.</summary>
    public static uint Add(uint serial, uint increment)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(increment, Half - 1);
        return unchecked(serial + increment);
    }
}
