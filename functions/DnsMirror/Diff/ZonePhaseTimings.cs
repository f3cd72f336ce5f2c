using System.Diagnostics;
using System.Globalization;

namespace DnsMirror.Diff;

/// <summary>
/// Wall time of each phase of one zone's run, in milliseconds, so that a slow sync says where its time went
/// (the master, the target's listing, our own diff, or the target's change API) without a profiler. A phase
/// that did not run stays 0.
/// </summary>
internal sealed class ZonePhaseTimings
{
    /// <summary>The SOA query and, when the serial moved, the AXFR with its parse.</summary>
    public double TransferMs { get; set; }

    /// <summary>Reading the target's current content (Route 53's paginated listing, or the RFC 2136 server's AXFR).</summary>
    public double ListMs { get; set; }

    /// <summary>The diff and the plan built from it.</summary>
    public double DiffMs { get; set; }

    /// <summary>Sending the changes and, for Route 53, waiting for INSYNC.</summary>
    public double ApplyMs { get; set; }

    /// <summary>Reading and writing the zone's state row (filled by the function, not by a bare mirror run).</summary>
    public double StateMs { get; set; }

    /// <summary>The whole run, from the state read to the state write.</summary>
    public double TotalMs { get; set; }

    /// <summary>Milliseconds since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>), to 0.1 ms.</summary>
    public static double Since(long startTimestamp) => Math.Round(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, 1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"transfer {TransferMs:0} ms, list {ListMs:0} ms, diff {DiffMs:0} ms, apply {ApplyMs:0} ms, state {StateMs:0} ms, total {TotalMs:0} ms");
}
