using DnsMirror.Route53;
using LambdaSuite.Harness.Route53;

namespace DnsMirror.Tests.Route53;

/// <summary>
/// The harness's Route 53 fake seen through DnsMirror's <see cref="IHostedZone"/>, for planner and mirror tests that
/// need no HTTP: the fake keeps Route 53's batch rules; this adapter only converts shapes, records what was sent and
/// can make the listing fail.
/// </summary>
internal sealed class FakeHostedZone : IHostedZone
{
    private readonly FakeRoute53 _route53 = new("ZFAKEHOSTEDZONE");

    public FakeHostedZone(string zoneName, params HostedZoneRecordSet[] sets)
    {
        ZoneName = zoneName;
        foreach (var set in sets)
        {
            _route53.Put(ToFake(set));
        }
    }

    public string ZoneName { get; }

    public List<IReadOnlyList<RecordSetChange>> Batches { get; } = [];

    public List<string> WaitedFor { get; } = [];

    public IReadOnlyCollection<HostedZoneRecordSet> Sets => [.. _route53.Sets.Select(FromFake)];

    public HostedZoneRecordSet? Find(string name, string type) => _route53.Find(name, type) is { } set ? FromFake(set) : null;

    /// <summary>How long a listing takes, as Route 53's pages would.</summary>
    public TimeSpan ListDelay
    {
        get => _route53.ListDelay;
        init => _route53.ListDelay = value;
    }

    /// <summary>How long INSYNC takes to arrive.</summary>
    public TimeSpan InSyncDelay
    {
        get => _route53.InSyncDelay;
        init => _route53.InSyncDelay = value;
    }

    /// <summary>When set, the listing fails with it (after <see cref="ListDelay"/>).</summary>
    public Exception? ListFailure { get; init; }

    public async Task<IReadOnlyList<HostedZoneRecordSet>> ListRecordSetsAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(ListDelay, cancellationToken);
        return ListFailure is null ? [.. _route53.Sets.Select(FromFake)] : throw ListFailure;
    }

    public Task<string> ChangeAsync(IReadOnlyList<RecordSetChange> changes, string comment, CancellationToken cancellationToken)
    {
        var batch = changes.Select(c => new FakeRecordSetChange(c.Action.ToString().ToUpperInvariant(), ToFake(c.RecordSet))).ToList();
        if (!_route53.TryChange(batch, out var changeId, out var code, out var message))
        {
            throw new InvalidOperationException($"{code}: {message}");
        }

        Batches.Add(changes);
        return Task.FromResult(changeId);
    }

    public Task WaitInSyncAsync(string changeId, CancellationToken cancellationToken)
    {
        WaitedFor.Add(changeId);
        return Task.Delay(InSyncDelay, cancellationToken);
    }

    private static FakeRecordSet ToFake(HostedZoneRecordSet set) => new(set.Name, set.Type, set.Ttl, set.Values);

    private static HostedZoneRecordSet FromFake(FakeRecordSet set) => new(set.Name, set.Type, set.Ttl, set.Values);
}
