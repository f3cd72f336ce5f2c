using DnsMirror.Diff;
using DnsMirror.Wire;

namespace DnsMirror.Rfc2136;

/// <summary>
/// RR-level changes that make an RFC 2136 target match the source: deletes, adds, and the target's own SOA
/// with the source serial (sent last). A refused plan says why and changes nothing.
/// </summary>
internal sealed record Rfc2136Plan(
    string Zone,
    IReadOnlyList<DnsResourceRecord> Deletes,
    IReadOnlyList<DnsResourceRecord> Adds,
    DnsResourceRecord? SerialRecord,
    IReadOnlyList<SkippedRecordSet> Skipped,
    IReadOnlyList<string> Warnings,
    string? RefusalReason,
    int ManagedTargetRecords)
{
    public bool IsRefused => RefusalReason is not null;

    public bool IsEmpty => Deletes.Count == 0 && Adds.Count == 0 && SerialRecord is null;

    /// <summary>The transfer held nothing beyond the apex SOA and NS: refused unless forced, and never reported as in sync.</summary>
    public bool IsEmptySource { get; init; }
}
