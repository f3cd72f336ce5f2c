using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Route53;
using AwsAction = LambdaSuite.Aws.Route53.ChangeAction;

namespace DnsMirror.Route53;

/// <summary>
/// <see cref="IHostedZone"/> over the in-house Route 53 client. Throttling and PriorRequestNotComplete are retried
/// with backoff by the client's retry policy, whose deadline the caller sets from the invocation's deadline; an
/// InvalidChangeBatch answer stops the sync as a <see cref="Route53ChangeRejectedException"/> carrying Route 53's
/// own message, since sending the same batch again cannot succeed.
/// </summary>
internal sealed class Route53HostedZone : IHostedZone
{
    /// <summary>
    /// Route 53 lists up to 300 record sets per call but 100 when not asked; asking for 300 makes a large zone's
    /// listing a third as many calls (253 instead of 757 for 75,000 sets), the biggest part of a sync's time.
    /// </summary>
    public const int MaxPageSize = 300;

    private readonly Route53Client _client;
    private readonly TimeSpan _pollInterval;
    private readonly int _pageSize;

    public Route53HostedZone(Route53Client client, string hostedZoneId, string zoneName, TimeSpan? pollInterval = null, int? pageSize = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(hostedZoneId);
        ArgumentException.ThrowIfNullOrEmpty(zoneName);
        _client = client;
        HostedZoneId = Route53Client.BareId(hostedZoneId, "/hostedzone/");
        ZoneName = zoneName.EndsWith('.') ? zoneName : zoneName + ".";
        _pollInterval = pollInterval ?? TimeSpan.FromSeconds(2);
        _pageSize = pageSize ?? MaxPageSize;
    }

    public string HostedZoneId { get; }

    public string ZoneName { get; }

    public async Task<IReadOnlyList<HostedZoneRecordSet>> ListRecordSetsAsync(CancellationToken cancellationToken)
    {
        var sets = new List<HostedZoneRecordSet>();
        await foreach (var set in _client.ListAllResourceRecordSetsAsync(HostedZoneId, _pageSize, cancellationToken).ConfigureAwait(false))
        {
            sets.Add(FromRoute53(set));
        }

        return sets;
    }

    public async Task<string> ChangeAsync(IReadOnlyList<RecordSetChange> changes, string comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var request = new ChangeResourceRecordSetsRequest
        {
            HostedZoneId = HostedZoneId,
            ChangeBatch = new LambdaSuite.Aws.Route53.ChangeBatch { Comment = comment, Changes = [.. changes.Select(ToRoute53)] },
        };
        try
        {
            var response = await _client.ChangeResourceRecordSetsAsync(request, cancellationToken).ConfigureAwait(false);
            return response.ChangeInfo.Id;
        }
        catch (AwsServiceException e) when (e.ErrorCode is "InvalidChangeBatch" or "InvalidInput")
        {
            throw new Route53ChangeRejectedException(HostedZoneId, e.ErrorMessage, e);
        }
    }

    public Task WaitInSyncAsync(string changeId, CancellationToken cancellationToken) =>
        _client.WaitForInSyncAsync(changeId, _pollInterval, cancellationToken);

    public static HostedZoneRecordSet FromRoute53(ResourceRecordSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new HostedZoneRecordSet(set.Name, set.Type, set.TTL, [.. set.ResourceRecords.Select(r => r.Value)])
        {
            SetIdentifier = set.SetIdentifier,
            AliasTarget = set.AliasTarget?.DNSName,
        };
    }

    public static Change ToRoute53(RecordSetChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var action = change.Action switch
        {
            ChangeAction.Create => AwsAction.Create,
            ChangeAction.Delete => AwsAction.Delete,
            ChangeAction.Upsert => AwsAction.Upsert,
            var other => throw new ArgumentOutOfRangeException(nameof(change), other, "unknown change action"),
        };
        var set = change.RecordSet;
        return new Change(action, new ResourceRecordSet
        {
            Name = set.Name,
            Type = set.Type,
            TTL = set.Ttl,
            SetIdentifier = set.SetIdentifier,
            ResourceRecords = [.. set.Values.Select(v => new ResourceRecord(v))],
        });
    }
}
