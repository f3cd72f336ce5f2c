using DnsMirror.Route53;

namespace DnsMirror.Tests.Route53;

/// <summary>
/// In-memory hosted zone with Route 53's batch rules: atomic batches, request limits (UPSERT counted twice),
/// CREATE of an existing set and DELETE of a missing or different set fail, a CNAME must be alone at its name.
/// </summary>
internal sealed class FakeHostedZone : IHostedZone
{
    private Dictionary<(string, string), HostedZoneRecordSet> _sets = [];

    public FakeHostedZone(string zoneName, params HostedZoneRecordSet[] sets)
    {
        ZoneName = zoneName;
        foreach (var set in sets)
        {
            _sets[Key(set)] = set;
        }
    }

    public string ZoneName { get; }

    public List<IReadOnlyList<RecordSetChange>> Batches { get; } = [];

    public List<string> WaitedFor { get; } = [];

    public IReadOnlyCollection<HostedZoneRecordSet> Sets => _sets.Values;

    public HostedZoneRecordSet? Find(string name, string type) => _sets.GetValueOrDefault((name.ToLowerInvariant(), type));

    /// <summary>How long a listing takes, as Route 53's pages would.</summary>
    public TimeSpan ListDelay { get; init; }

    /// <summary>How long INSYNC takes to arrive.</summary>
    public TimeSpan InSyncDelay { get; init; }

    /// <summary>When set, the listing fails with it (after <see cref="ListDelay"/>).</summary>
    public Exception? ListFailure { get; init; }

    public async Task<IReadOnlyList<HostedZoneRecordSet>> ListRecordSetsAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(ListDelay, cancellationToken);
        return ListFailure is null ? _sets.Values.ToList() : throw ListFailure;
    }

    public Task<string> ChangeAsync(IReadOnlyList<RecordSetChange> changes, string comment, CancellationToken cancellationToken)
    {
        if (changes.Sum(c => c.ResourceRecordCount) > 1000 || changes.Sum(c => c.ValueCharacters) > 32000)
        {
            throw new InvalidOperationException("InvalidChangeBatch: request exceeds Route 53 limits");
        }

        var next = new Dictionary<(string, string), HostedZoneRecordSet>(_sets);
        foreach (var change in changes)
        {
            var key = Key(change.RecordSet);
            switch (change.Action)
            {
                case ChangeAction.Create when next.ContainsKey(key):
                    throw new InvalidOperationException($"InvalidChangeBatch: {key} already exists");
                case ChangeAction.Delete when !next.TryGetValue(key, out var existing) || !Same(existing, change.RecordSet):
                    throw new InvalidOperationException($"InvalidChangeBatch: {key} not found with the given values");
                case ChangeAction.Delete:
                    next.Remove(key);
                    continue;
            }

            var others = next.Keys.Where(k => k.Item1 == key.Item1 && k != key).ToList();
            if (others.Count > 0 && (key.Item2 == "CNAME" || others.Any(k => k.Item2 == "CNAME")))
            {
                throw new InvalidOperationException($"InvalidChangeBatch: CNAME conflict at {key.Item1}");
            }

            next[key] = change.RecordSet;
        }

        _sets = next;
        Batches.Add(changes);
        return Task.FromResult("C" + Batches.Count);
    }

    public Task WaitInSyncAsync(string changeId, CancellationToken cancellationToken)
    {
        WaitedFor.Add(changeId);
        return Task.Delay(InSyncDelay, cancellationToken);
    }

    private static (string, string) Key(HostedZoneRecordSet set) => (set.Name.ToLowerInvariant(), set.Type);

    private static bool Same(HostedZoneRecordSet left, HostedZoneRecordSet right) =>
        left.Ttl == right.Ttl && left.Values.Order(StringComparer.Ordinal).SequenceEqual(right.Values.Order(StringComparer.Ordinal));
}
