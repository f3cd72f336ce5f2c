using DnsMirror.Diff;

namespace DnsMirror.Sync;

/// <summary>What one zone's run did, as the function answers it and the state row records it.</summary>
internal sealed class ZoneRunReport
{
    public string Zone { get; set; } = "";

    /// <summary>One of <see cref="ZoneRunOutcome"/>'s names.</summary>
    public string Outcome { get; set; } = "";

    public uint? MasterSerial { get; set; }

    public uint? KnownSerial { get; set; }

    public string? Master { get; set; }

    public int Changes { get; set; }

    public int Batches { get; set; }

    public string? Error { get; set; }

    /// <summary><c>Incremental</c> (IXFR deltas applied to the stored records, no listing) or <c>Full</c> (a whole transfer compared with the hosted zone's listing); null when nothing was transferred.</summary>
    public string? Path { get; set; }

    /// <summary>Why an incremental run went the full way (IXFR refused, whole zone sent, stored records unusable, a conflicting delta, a rejected batch).</summary>
    public string? Fallback { get; set; }

    /// <summary>Where the run's time went; phases a run did not reach stay 0.</summary>
    public ZonePhaseTimings Phases { get; set; } = new();

    /// <summary>A drift audit's repairs; null on an ordinary sync.</summary>
    public ZoneAuditReport? Audit { get; set; }
}
