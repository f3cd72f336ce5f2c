namespace IotRegistry.Keys;

/// <summary>
/// The activation-code keys of one container: loaded once at start, then reused. Two events reload them from the
/// source: the current key is older than <see cref="MaxAge"/> (so a long-lived container registers under the key in
/// force, not one two rotations old), and an item names a key id the ring does not know (a rotation since the
/// load). Reloads are spaced by <see cref="MinRefreshInterval"/> so a burst of such items costs one fetch. A failed
/// age reload keeps the keys in hand (the failure is kept for <see cref="TakeRefreshFailure"/> to log); a failed
/// reload for an unknown key id propagates, so the attempt fails as a fault instead of being judged without its key.
/// </summary>
internal sealed class ActivationKeyRing
{
    /// <summary>The minimum Secrets Manager rotation interval is 4 hours; an hour keeps registrations on the key in force.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromHours(1);

    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(30);

    private readonly IActivationKeySource? _source;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot _snapshot;
    private string? _refreshFailure;

    private ActivationKeyRing(IActivationKeySource? source, ActivationKeySet keys, TimeProvider time, TimeSpan maxAge)
    {
        _source = source;
        _time = time;
        MaxAge = maxAge;
        var now = time.GetUtcNow();
        _snapshot = new Snapshot(keys, now, now);
    }

    public TimeSpan MaxAge { get; }

    /// <summary>The keys in hand, without any reload.</summary>
    public ActivationKeySet Keys => _snapshot.Keys;

    /// <summary>Keys that never reload (the local stack's development key, tests).</summary>
    public static ActivationKeyRing Fixed(ActivationKeySet keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new ActivationKeyRing(null, keys, TimeProvider.System, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Loads the keys from <paramref name="source"/>; an <see cref="ActivationKeyException"/> means the function cannot start.</summary>
    public static async Task<ActivationKeyRing> LoadAsync(IActivationKeySource source, TimeProvider time, TimeSpan? maxAge = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        var keys = await source.LoadAsync(cancellationToken).ConfigureAwait(false);
        return new ActivationKeyRing(source, keys, time, maxAge ?? DefaultMaxAge);
    }

    /// <summary>The key new registrations use, reloaded first when older than <see cref="MaxAge"/>.</summary>
    public async ValueTask<ActivationCodeHasher> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        var now = _time.GetUtcNow();
        if (_source is not null && now - snapshot.LoadedAt >= MaxAge && now - snapshot.LastAttempt >= MinRefreshInterval)
        {
            await ReloadAsync(snapshot, keepOnFailure: true, cancellationToken).ConfigureAwait(false);
        }

        return _snapshot.Keys.Current;
    }

    /// <summary>
    /// The key an item names: null names the current key (items written before key ids). An id neither key has
    /// triggers one reload (spaced by <see cref="MinRefreshInterval"/>, so a burst of such items costs one fetch); null,
    /// i.e. the key was retired by a second rotation, when it is still unknown after it. While the last reload failed,
    /// an unknown id is a fault (<see cref="ActivationKeyException"/>), retried, rather than judged without its key.
    /// Known gap: an item written under a key that a rotation brought in after this container's last successful load,
    /// and asked for within <see cref="MinRefreshInterval"/> of that load, is taken as retired.
    /// </summary>
    public async ValueTask<ActivationCodeHasher?> FindAsync(string? keyId, CancellationToken cancellationToken = default)
    {
        if (keyId is null)
        {
            return await CurrentAsync(cancellationToken).ConfigureAwait(false);
        }

        var snapshot = _snapshot;
        if (snapshot.Keys.Find(keyId) is { } known)
        {
            return known;
        }

        if (_source is null)
        {
            return null;
        }

        if (_time.GetUtcNow() - snapshot.LastAttempt >= MinRefreshInterval)
        {
            await ReloadAsync(snapshot, keepOnFailure: false, cancellationToken).ConfigureAwait(false);
        }

        var after = _snapshot;
        if (after.Keys.Find(keyId) is { } reloaded)
        {
            return reloaded;
        }

        return after.LoadedAt >= after.LastAttempt
            ? null
            : throw new ActivationKeyException($"An item names activation-code key {keyId}, which this container's keys lack, and their last reload failed; the attempt is refused as a fault, to be retried, rather than judged without its key.");
    }

    /// <summary>The last failed age reload's message (no secret in it), once; null when there was none.</summary>
    public string? TakeRefreshFailure() => Interlocked.Exchange(ref _refreshFailure, null);

    private async Task ReloadAsync(Snapshot seen, bool keepOnFailure, CancellationToken cancellationToken)
    {
        await _reload.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!ReferenceEquals(_snapshot, seen))
            {
                return; // another caller reloaded (or tried) while this one waited
            }

            var now = _time.GetUtcNow();
            try
            {
                _snapshot = new Snapshot(await _source!.LoadAsync(cancellationToken).ConfigureAwait(false), now, now);
            }
            catch (ActivationKeyException failure)
            {
                _snapshot = seen with { LastAttempt = now };
                if (!keepOnFailure)
                {
                    throw;
                }

                Volatile.Write(ref _refreshFailure, failure.Message);
            }
        }
        finally
        {
            _reload.Release();
        }
    }

    private sealed record Snapshot(ActivationKeySet Keys, DateTimeOffset LoadedAt, DateTimeOffset LastAttempt);
}
