using Fanout.Records;

namespace Fanout.Delivery;

/// <summary>What became of one target's share of a batch.</summary>
public sealed class TargetOutcome(string targetName)
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

    /// <summary>Records given to this target that it neither took nor diverted, and that Lambda will therefore send again.</summary>
    public int Undelivered()
    {
        var count = 0;
        for (var i = 0; i < Records.Length; i++)
        {
            if (!DeliveredRecords[i] && FailedParents.Contains(Records[i].ParentIndex))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Records that could not be delivered and go to the dead-letter destination (or fail the batch).</summary>
    public List<RecordProblem> Problems { get; } = [];

    /// <summary>Parent indexes that must be retried by Lambda (lowest one is reported).</summary>
    public SortedSet<int> FailedParents { get; } = [];

    /// <summary>The records this target was given, and which of them it took (for the retry ledger).</summary>
    public FanoutRecord[] Records { get; set; } = [];

    public bool[] DeliveredRecords { get; set; } = [];
}
