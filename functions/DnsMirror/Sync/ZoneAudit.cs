using DnsMirror.Diff;
using DnsMirror.Route53;

namespace DnsMirror.Sync;

/// <summary>
/// The drift audit's rules on top of an ordinary full sync. An audit transfers and lists the whole zone even when the
/// primary's serial has not moved (changes made in Route 53 by hand do not move it), and reports the record sets the
/// comparison found different as repairs. It still never mirrors a primary that is behind the last mirrored serial.
/// </summary>
internal static class ZoneAudit
{
    /// <summary>
    /// The serial to hand the transfer check so that the stored serial itself transfers: one below it in RFC 1982
    /// arithmetic. A primary that is behind stays behind (it is then at most this floor) and transfers nothing.
    /// </summary>
    public static uint? TransferFloor(uint? knownSerial) => knownSerial is { } known ? unchecked(known - 1) : null;

    /// <summary>
    /// Against the floor, a primary exactly one behind the stored serial reads as unchanged: name it what it is.
    /// </summary>
    public static void RelabelBehind(ZoneRunReport report, uint? knownSerial)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Outcome == nameof(ZoneRunOutcome.Unchanged) && knownSerial is { } known && report.MasterSerial != known)
        {
            report.Outcome = nameof(ZoneRunOutcome.MasterBehind);
        }
    }

    /// <summary>The repairs a sync's plan holds: every record set change, the SOA serial update among them when there is one.</summary>
    public static ZoneAuditReport Describe(ZoneSyncResult sync, uint? knownSerial, uint? masterSerial)
    {
        ArgumentNullException.ThrowIfNull(sync);
        var diff = sync.Plan.Diff;
        var report = new ZoneAuditReport
        {
            Applied = sync.Applied,
            SerialMoved = knownSerial is null || masterSerial != knownSerial,
        };
        foreach (var change in diff.SerialChange is null ? diff.Changes : diff.Changes.Append(diff.SerialChange))
        {
            report.RecordSets.Add(new RecordSetRepair { Action = change.Action.ToString().ToUpperInvariant(), Name = change.RecordSet.Name, Type = change.RecordSet.Type });
            switch (change.Action)
            {
                case ChangeAction.Create:
                    report.Created++;
                    break;
                case ChangeAction.Delete:
                    report.Deleted++;
                    break;
                default:
                    report.Updated++;
                    break;
            }
        }

        return report;
    }
}
