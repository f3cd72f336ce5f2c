namespace DnsMirror.Diff;

/// <summary>Safety and batching limits for <see cref="ZonePlanner"/>.</summary>
internal sealed record PlanOptions
{
    /// <summary>Refuse a plan that deletes more than this share of the hosted zone's managed record sets.</summary>
    public int MaxDeletePercent { get; init; } = 20;

    /// <summary>Apply even when <see cref="MaxDeletePercent"/> is exceeded.</summary>
    public bool Force { get; init; }

    /// <summary>Route 53: at most 1,000 ResourceRecord elements per ChangeResourceRecordSets request.</summary>
    public int MaxResourceRecordsPerBatch { get; init; } = 1000;

    /// <summary>Route 53: at most 32,000 characters of Value elements per request.</summary>
    public int MaxValueCharactersPerBatch { get; init; } = 32000;
}
