namespace LambdaSuite.Harness.Route53;

/// <summary>
/// Route 53's request-rate bucket, beside the change bucket the batches pay (<see cref="ChangeBudget"/>): every request
/// answered through <see cref="Respond"/> pays a token, and a loopback server can hold a request until both buckets
/// could pay it (<see cref="TimeUntilPaid"/>), which is what a caller pacing itself to them would wait.
/// </summary>
public sealed partial class FakeRoute53
{
    /// <summary>
    /// Route 53's account request bucket when set: every request through <see cref="Respond"/> takes a token, and one the
    /// bucket cannot pay is answered Throttling (null: no limit). Route 53's default is 50 at once refilled at 10 a second.
    /// </summary>
    public FakeChangeBudget? RequestBudget { get; set; }

    /// <summary>Requests answered Throttling because <see cref="RequestBudget"/> was empty.</summary>
    public int ThrottledRequests { get; private set; }

    /// <summary>
    /// How long until both buckets could pay this request: a token of <see cref="RequestBudget"/> and, for a change
    /// batch, its records from <see cref="ChangeBudget"/>. Zero when they can now (or are not set, or the body is not a
    /// batch, which <see cref="Respond"/> then refuses). Takes nothing.
    /// </summary>
    public TimeSpan TimeUntilPaid(string method, ReadOnlySpan<byte> body)
    {
        lock (_gate)
        {
            var wait = RequestBudget?.TimeUntil(1) ?? TimeSpan.Zero;
            if (ChangeBudget is { } budget && method == "POST" && TryParseChanges(System.Text.Encoding.UTF8.GetString(body), out var changes, out _))
            {
                var changeWait = budget.TimeUntil(Cost(changes));
                wait = changeWait > wait ? changeWait : wait;
            }

            return wait;
        }
    }

    private bool TakeRequestToken()
    {
        lock (_gate)
        {
            if (RequestBudget is null || RequestBudget.TryTake(1))
            {
                return true;
            }

            ThrottledRequests++;
            return false;
        }
    }
}
