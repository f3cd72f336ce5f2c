namespace DnsMirror.Diff;

/// <summary>How the source and target are compared.</summary>
internal sealed record DiffOptions
{
    /// <summary>TTL differences alone cause no change; changed sets keep the target's TTL.</summary>
    public bool IgnoreTtl { get; init; }
}
