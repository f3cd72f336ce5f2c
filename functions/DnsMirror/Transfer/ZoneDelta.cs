using DnsMirror.Wire;

namespace DnsMirror.Transfer;

/// <summary>
/// One difference sequence of an incremental transfer (RFC 1995 §4): the zone moved from <see cref="FromSerial"/>
/// to <see cref="ToSerial"/> by deleting <see cref="Deleted"/> and then adding <see cref="Added"/>. The records are
/// the same <see cref="DnsResourceRecord"/>s an AXFR delivers, so a step that rewrites records applies to both.
/// </summary>
internal sealed record ZoneDelta(uint FromSerial, uint ToSerial, DnsResourceRecord ToSoa, IReadOnlyList<DnsResourceRecord> Deleted, IReadOnlyList<DnsResourceRecord> Added);
