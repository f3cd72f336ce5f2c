namespace DnsMirror.Route53;

/// <summary>
/// The Route 53 hosted zone DnsMirror writes to, reduced to what the sync needs. The real implementation
/// adapts the Route 53 client in LambdaSuite.Aws (ListResourceRecordSets with pagination,
/// ChangeResourceRecordSets, GetChange); tests use an in-memory fake.
/// </summary>
internal interface IHostedZone
{
    /// <summary>The zone's name, absolute (e.g. <c>example.com.</c>).</summary>
    string ZoneName { get; }

    /// <summary>Every record set of the zone, all pages.</summary>
    Task<IReadOnlyList<HostedZoneRecordSet>> ListRecordSetsAsync(CancellationToken cancellationToken);

    /// <summary>Submits one atomic change batch; returns the change ID.</summary>
    Task<string> ChangeAsync(IReadOnlyList<RecordSetChange> changes, string comment, CancellationToken cancellationToken);

    /// <summary>Waits until the change is INSYNC (or the token fires).</summary>
    Task WaitInSyncAsync(string changeId, CancellationToken cancellationToken);
}
