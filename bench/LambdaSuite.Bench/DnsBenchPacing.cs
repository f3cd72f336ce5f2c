using LambdaSuite.Harness.Route53;

namespace LambdaSuite.Bench;

/// <summary>
/// Route 53's per-account pacing as the bench models it, with the loopback Route 53's buckets
/// (<see cref="FakeRoute53.RequestBudget"/>, <see cref="FakeRoute53.ChangeBudget"/>) and in <see cref="Wait"/>. From the
/// Developer Guide ("Throttling for Amazon Route 53 API requests"): every request takes a token from the account's
/// bucket, 50 at once refilled at 10 a second (each operation not listed there also has its own bucket of that size,
/// which a run's one kind of request at a time never empties first); every record change takes a token from a second,
/// change-throughput bucket (ResourceRecord elements of a batch, an UPSERT twice). The stored copy of that page
/// describes the change bucket but gives no default size or rate, so its figures are an input: by default the function's
/// own assumption (<see cref="Assumed"/>, the defaults of <c>DNS_MIRROR_CHANGE_BURST</c> and
/// <c>DNS_MIRROR_CHANGES_PER_SECOND</c>), and an account's real figures through the bench's <c>--change-burst</c> and
/// <c>--changes-per-second</c>.
/// </summary>
public sealed record DnsBenchPacing(int ChangeBurst, double ChangesPerSecond)
{
    public const int RequestBurst = 50;
    public const double RequestsPerSecond = 10;

    /// <summary>The change bucket the function assumes when it is not told the account's (1,000 at once, 500 a second).</summary>
    public static DnsBenchPacing Assumed { get; } = new(1000, 500);

    /// <summary>The model's figures in words, for the bench's output.</summary>
    public string Described => FormattableString.Invariant(
        $"requests {RequestBurst} at once + {RequestsPerSecond:0}/s (documented), record changes {ChangeBurst} at once + {ChangesPerSecond:0.##}/s ({(this == Assumed ? "assumed: not in the stored docs" : "as given")})");

    /// <summary>Full buckets on the zone, as a run finds them a scheduled interval after the last.</summary>
    public void Refill(FakeRoute53 zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        zone.RequestBudget = new FakeChangeBudget(RequestBurst, RequestsPerSecond);
        zone.ChangeBudget = new FakeChangeBudget(ChangeBurst, ChangesPerSecond);
    }

    public static void SwitchOff(FakeRoute53 zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        zone.RequestBudget = null;
        zone.ChangeBudget = null;
    }

    /// <summary>
    /// What a run waits on the two buckets alone, starting full, when it sends <paramref name="listPages"/> listing
    /// pages, then change batches of <paramref name="batchCosts"/> records each, then <paramref name="getChanges"/>
    /// GetChange calls, each as soon as the buckets allow. The run's own time between requests would refill the
    /// buckets a little more, so added to an unpaced wall this slightly overstates the paced one.
    /// </summary>
    public TimeSpan Wait(int listPages, IEnumerable<int> batchCosts, int getChanges)
    {
        ArgumentNullException.ThrowIfNull(batchCosts);
        var clock = new DnsBenchClock();
        var requests = new FakeChangeBudget(RequestBurst, RequestsPerSecond, clock);
        var changes = new FakeChangeBudget(ChangeBurst, ChangesPerSecond, clock);
        var waited = TimeSpan.Zero;
        void Send(int cost)
        {
            cost = Math.Min(cost, ChangeBurst);
            while (true)
            {
                var wait = requests.TimeUntil(1);
                var changeWait = changes.TimeUntil(cost);
                wait = changeWait > wait ? changeWait : wait;
                if (wait <= TimeSpan.Zero)
                {
                    requests.TryTake(1);
                    changes.TryTake(cost);
                    return;
                }

                // At least a tick, so a wait rounded down to whole ticks cannot leave the loop standing still.
                wait = wait < TimeSpan.FromTicks(1) ? TimeSpan.FromTicks(1) : wait;
                clock.Advance(wait);
                waited += wait;
            }
        }

        for (var i = 0; i < listPages; i++)
        {
            Send(0);
        }

        foreach (var cost in batchCosts)
        {
            Send(cost);
        }

        for (var i = 0; i < getChanges; i++)
        {
            Send(0);
        }

        return waited;
    }
}
