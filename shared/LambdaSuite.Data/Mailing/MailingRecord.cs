using System.Collections.Immutable;

namespace LambdaSuite.Data.Mailing;

/// <summary>
/// One address of the <c>mailing</c> table. The summary fields (state, reason, counters, last-seen times) are
/// derived from the bounded event lists, so the record is a function of the set of events applied to it, not
/// of the order they arrived in. <see cref="Version"/> guards every write (optimistic concurrency).
/// </summary>
public sealed record MailingRecord(string Address)
{
    public long Version { get; init; }

    public MailingState State { get; init; } = MailingState.Active;

    /// <summary>PermanentBounce, Complaint, SoftBounceLimit or SesSuppressionList; null while active.</summary>
    public string? SuppressionReason { get; init; }

    public DateTimeOffset? SuppressedSince { get; init; }

    /// <summary>The event that suppressed the address (bounce type, diagnostic code, feedback type).</summary>
    public MailingEvent? SuppressedBy { get; init; }

    /// <summary>Soft bounces in the current policy window, counted after the last delivery.</summary>
    public int SoftBounceCount { get; init; }

    /// <summary>Events seen per kind, keyed by <see cref="MailingEventKind"/> name.</summary>
    public ImmutableSortedDictionary<string, long> Totals { get; init; } = ImmutableSortedDictionary<string, long>.Empty;

    /// <summary>Event time of the latest event of each kind.</summary>
    public ImmutableSortedDictionary<string, DateTimeOffset> LastEventAt { get; init; } = ImmutableSortedDictionary<string, DateTimeOffset>.Empty;

    public string? LastMessageId { get; init; }

    public string? LastFeedbackId { get; init; }

    public string? Sender { get; init; }

    public string? ConfigurationSet { get; init; }

    public ImmutableSortedDictionary<string, ImmutableArray<string>> Tags { get; init; } = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>The latest SES event applied (by event time, then key): the source of the "last" fields.</summary>
    public MailingEvent? LatestEvent { get; init; }

    /// <summary>Latest permanent bounces and complaints (bounded): the answer to "why suppressed".</summary>
    public ImmutableArray<MailingEvent> HardEvents { get; init; } = [];

    /// <summary>Latest transient/undetermined bounces after the last delivery (bounded).</summary>
    public ImmutableArray<MailingEvent> SoftBounces { get; init; } = [];

    /// <summary>
    /// The soft bounce that completed the earliest window of policy-many soft bounces since the last delivery
    /// and unsuppress. Kept so the suppression holds after older bounces leave the bounded list.
    /// </summary>
    public MailingEvent? SoftLimitEvent { get; init; }

    /// <summary>Time of the first bounce of <see cref="SoftLimitEvent"/>'s window: a later delivery undoes it.</summary>
    public DateTimeOffset? SoftLimitWindowStart { get; init; }

    /// <summary>Latest manual unsuppressions (bounded), with the operator's reason.</summary>
    public ImmutableArray<MailingEvent> Unsuppressions { get; init; } = [];

    /// <summary>Keys of the latest events applied (bounded), so a redelivered event changes nothing.</summary>
    public ImmutableArray<SeenEvent> Seen { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; }
}
