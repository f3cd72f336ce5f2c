namespace DnsMirror.Route53;

/// <summary>
/// Paces ChangeResourceRecordSets batches to Route 53's two per-account limits, both token buckets (Route 53 Developer
/// Guide, "Throttling for Amazon Route 53 API requests"): a request rate (every API call takes one token; all
/// operations together 50 at once, refilled at 10 a second, and each operation a bucket of its own of the same size by
/// default) and a change throughput (each DNS record change takes one token, summed over every action that modifies
/// DNS data). Either bucket running dry answers HTTP 400 <c>Throttling</c> ("Rate exceeded"). Per request,
/// ChangeResourceRecordSets also takes at most 1,000 ResourceRecord elements and 32,000 Value characters, an UPSERT
/// counting twice (API reference; <see cref="Diff.ZonePlanner"/> packs batches to those). A batch here costs its
/// ResourceRecord count, UPSERT twice, as the per-request limit counts it.
/// The stored documentation gave the request table but not the change bucket's default figures, so the function's
/// change bucket comes from its settings (<c>DNS_MIRROR_CHANGE_BURST</c>, <c>DNS_MIRROR_CHANGES_PER_SECOND</c>), whose
/// defaults are an assumption (one full batch at once, half of one a second), not a quota;
/// whatever else in the account spends the same buckets is met by the client's retry (Throttling, backoff, within the
/// deadline), which resends only the throttled batch. A batch larger than the change burst waits for the burst and
/// leaves the bucket in debt, so the next one waits for the refill: no batch is ever unpayable. Thread-safe.
/// </summary>
internal sealed class ChangeBudget
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Bucket _changes;
    private readonly Bucket? _requests;

    /// <param name="requestBurst">Null leaves request pacing to the client (AWS's endpoint is paced by <c>Route53Client.AccountPacer</c>).</param>
    public ChangeBudget(int changeBurst, double changesPerSecond, int? requestBurst = null, double requestsPerSecond = 10, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(changeBurst, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(changesPerSecond);
        _time = time ?? TimeProvider.System;
        var now = _time.GetUtcNow();
        _changes = new Bucket(changeBurst, changesPerSecond, now);
        if (requestBurst is { } burst)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
            _requests = new Bucket(burst, requestsPerSecond, now);
        }
    }

    /// <summary>Waits on the budget's clock until a request of <paramref name="changes"/> record changes may go, then takes its tokens.</summary>
    public async ValueTask WaitAsync(int changes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(changes);
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                _changes.Refill(now);
                _requests?.Refill(now);
                wait = TimeSpan.FromSeconds(Math.Max(_changes.SecondsUntil(Math.Min(changes, _changes.Burst)), _requests?.SecondsUntil(1) ?? 0));
                if (wait <= TimeSpan.Zero)
                {
                    _changes.Take(changes);
                    _requests?.Take(1);
                    return;
                }
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Call once the request has been answered. Route 53 took its tokens at some moment between the send and the answer,
    /// so its bucket may have refilled for less time than this one; counting the refill from the answer on keeps this
    /// bucket at or below Route 53's, so pacing to it is not throttled by the request's own time in flight.
    /// </summary>
    public void Settle()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _changes.Restart(now);
            _requests?.Restart(now);
        }
    }

    /// <summary>One token bucket; the owner holds the lock.</summary>
    private sealed class Bucket(int burst, double perSecond, DateTimeOffset now)
    {
        private double _tokens = burst;
        private DateTimeOffset _refilledAt = now;

        public int Burst => burst;

        public void Refill(DateTimeOffset at)
        {
            _tokens = Math.Min(burst, _tokens + (Math.Max(0, (at - _refilledAt).TotalSeconds) * perSecond));
            _refilledAt = at;
        }

        public double SecondsUntil(double needed) => _tokens >= needed ? 0 : (needed - _tokens) / perSecond;

        public void Take(int count) => _tokens -= count;

        /// <summary>Drops the refill accrued since the last take: it is counted from <paramref name="at"/> on.</summary>
        public void Restart(DateTimeOffset at) => _refilledAt = at > _refilledAt ? at : _refilledAt;
    }
}
