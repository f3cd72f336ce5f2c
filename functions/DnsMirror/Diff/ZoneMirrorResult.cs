using DnsMirror.Transfer;

namespace DnsMirror.Diff;

/// <summary>The serial check's outcome, what the sync did when the zone was transferred, and how long each phase took.</summary>
internal sealed record ZoneMirrorResult(ZoneTransferResult Transfer, ZoneSyncResult? Sync, ZonePhaseTimings Timings);
