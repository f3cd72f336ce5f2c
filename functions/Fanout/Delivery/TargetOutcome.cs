using Fanout.Records;

namespace Fanout.Delivery;

/// <summary>What became of one target's share of a batch.</summary>
internal sealed class TargetOutcome(string targetName)
{
    public string TargetName { get; } = targetName;

    public int Delivered { get; set; }

    public int Skipped { get; set; }

    public int Calls { get; set; }

    public int Retries { get; set; }

    public int Throttles { get; set; }

    public double Milliseconds { get; set; }

    /// <summary>The last error a call or an entry met (code and message), for the log line of a target that fell short.</summary>
    public string? LastError { get; set; }

    /// <summary>True when retries stopped because the invocation's deadline (less its margin) came first.</summary>
    public bool DeadlineReached { get; set; }

    /// <summary>
    /// Problems (rejected, oversized, unreadable, corrupt aggregates) the dead-letter queue did not take: they fail the
    /// batch like undelivered records.
    /// </summary>
    public int DeadLetterMissed { get; set; }

    /// <summary>
    /// Records given to this target that it neither took nor got to the dead-letter queue, and that Lambda will
    /// therefore send again. A problem is counted once, by whether the dead-letter queue took it: unreadable records and
    /// corrupt aggregates are not among <see cref="Records"/>, and an oversized or rejected one is not counted there too.
    /// </summary>
    public int Undelivered()
    {
        HashSet<(int Parent, int Sub)>? problems = Problems.Count == 0 ? null : [.. Problems.Select(p => (p.ParentIndex, p.SubIndex))];
        var count = 0;
        for (var i = 0; i < Records.Length; i++)
        {
            var record = Records[i];
            if (!DeliveredRecords[i] && FailedParents.Contains(record.ParentIndex) && problems?.Contains((record.ParentIndex, record.SubIndex)) != true)
            {
                count++;
            }
        }

        return count + DeadLetterMissed;
    }

    /// <summary>Records that could not be delivered and go to the dead-letter destination (or fail the batch).</summary>
    public List<RecordProblem> Problems { get; } = [];

    /// <summary>Parent indexes that must be retried by Lambda (lowest one is reported).</summary>
    public SortedSet<int> FailedParents { get; } = [];

    /// <summary>The records this target was given, and which of them it took (for the retry ledger).</summary>
    public FanoutRecord[] Records { get; set; } = [];

    public bool[] DeliveredRecords { get; set; } = [];
}
