namespace DnsMirror.Wire;

/// <summary>CLASS values used here (RFC 1035 §3.2.4, RFC 2136 §2.4 for NONE and ANY in updates).</summary>
internal static class DnsClass
{
    public const ushort Internet = 1;
    public const ushort None = 254;
    public const ushort Any = 255;
}
