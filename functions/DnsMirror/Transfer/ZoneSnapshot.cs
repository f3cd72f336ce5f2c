using DnsMirror.Wire;

namespace DnsMirror.Transfer;

/// <summary>
/// A complete zone as one AXFR delivered it (RFC 5936 §2.2: the opening SOA, then every RR; the closing SOA
/// is not repeated here).
/// </summary>
internal sealed record ZoneSnapshot(string Origin, uint Serial, IReadOnlyList<DnsResourceRecord> Records, string Source, int MessageCount, long ByteCount)
{
    /// <summary>False for a snapshot that is known to be partial; the planner never deletes from one.</summary>
    public bool IsComplete { get; init; } = true;

    public DnsResourceRecord? Soa => Records.Count > 0 && Records[0].Type == DnsRecordType.SOA ? Records[0] : null;
}
