using DnsMirror.Transfer;

namespace DnsMirror.Diff;

/// <summary>The serial check's outcome and, when the zone was transferred, what the sync did.</summary>
public sealed record ZoneMirrorResult(ZoneTransferResult Transfer, ZoneSyncResult? Sync);
