using System.Globalization;

namespace DnsMirror.Sync;

/// <summary>What a drift audit found different in the target and set right (or, on a dry run or refusal, would have).</summary>
internal sealed class ZoneAuditReport
{
    /// <summary>False on a dry run, a refused plan, or when nothing differed.</summary>
    public bool Applied { get; set; }

    /// <summary>
    /// The primary's serial moved since the last sync, so some of the repairs are its own changes rather than edits made
    /// in the target by hand. False means every repair undid drift.
    /// </summary>
    public bool SerialMoved { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Deleted { get; set; }

    public List<RecordSetRepair> RecordSets { get; set; } = [];

    /// <summary>One line for the run's log entry: counts, then each record set.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"created {Created}, updated {Updated}, deleted {Deleted}{(Applied ? "" : " (not applied)")}{(SerialMoved ? ", the primary's serial moved since the last sync" : "")}{(RecordSets.Count == 0 ? "" : ": " + string.Join("; ", RecordSets))}");
}
