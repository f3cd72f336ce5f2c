namespace DnsMirror.Diff;

/// <summary>
/// The batches to send, in order, or a refusal. A refused plan has no batches and says why.
/// </summary>
internal sealed record ZonePlan(IReadOnlyList<ChangeBatch> Batches, IReadOnlyList<string> Warnings, string? RefusalReason, ZoneDiff Diff)
{
    public bool IsRefused => RefusalReason is not null;

    public bool IsEmpty => Batches.Count == 0;

    /// <summary>The transfer held only the apex SOA and NS: refused unless forced, and never reported as in sync.</summary>
    public bool IsEmptySource { get; init; }
}
