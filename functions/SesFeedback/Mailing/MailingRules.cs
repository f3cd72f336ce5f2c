using System.Collections.Immutable;
using LambdaSuite.Data.Mailing;
using SesFeedback.Feedback;

namespace SesFeedback.Mailing;

/// <summary>
/// The mailing table's rules as one pure function of (record, event). Every field it keeps is a maximum, a
/// count of distinct events or a bounded "latest K" set, and the summary is derived from those, so the
/// final record does not depend on the order events arrive in, and an event applied twice changes nothing.
/// </summary>
internal sealed class MailingRules(SoftBouncePolicy policy)
{
    /// <summary>Keys of the latest events kept to recognise redeliveries (SNS, SQS, SES retries).</summary>
    public const int SeenCapacity = 64;

    public const int HardEventCapacity = 10;

    public const int UnsuppressCapacity = 10;

    /// <summary>The newest soft bounces that keep their details (diagnostic code, ids); older ones keep key, kind and time only.</summary>
    public const int SoftBounceDetailCapacity = 10;

    /// <summary>
    /// Soft bounces kept since the last delivery: enough to judge any policy window many times over (four windows'
    /// worth), but at most 2,000 (two windows at the largest limit, 1,000), so the list stays within DynamoDB's item
    /// limit: 2,000 bare entries are about 130 KB.
    /// </summary>
    public int SoftBounceCapacity { get; } = Math.Min(Math.Max(policy.Limit * 4, 20), 2000);

    public SoftBouncePolicy Policy => policy;

    /// <summary>The next record, or null when <paramref name="feedback"/> was applied already.</summary>
    public MailingRecord? Apply(MailingRecord? current, FeedbackEvent feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var record = current ?? new MailingRecord(feedback.Address);
        var e = feedback.Event;
        if (record.Seen.Any(s => s.Key == e.Key))
        {
            return null;
        }

        var kind = e.Kind.ToString();
        var isLatestFeedback = e.FeedbackId is not null && IsLatestFeedback(record, e);
        record = record with
        {
            Seen = Latest(record.Seen.Add(new SeenEvent(e.Key, e.At)), SeenCapacity, (a, b) => CompareSeen(a, b)),
            Totals = record.Totals.SetItem(kind, record.Totals.GetValueOrDefault(kind) + 1),
            LastEventAt = record.LastEventAt.TryGetValue(kind, out var last) && last >= e.At ? record.LastEventAt : record.LastEventAt.SetItem(kind, e.At),
        };

        if (e.Kind != MailingEventKind.Unsuppress && MailingEvent.CompareByTime(e, record.LatestEvent) > 0)
        {
            record = record with
            {
                LatestEvent = e,
                LastMessageId = e.MessageId ?? record.LastMessageId,
                Sender = feedback.Sender ?? record.Sender,
                ConfigurationSet = feedback.ConfigurationSet ?? record.ConfigurationSet,
                Tags = feedback.Tags.IsEmpty ? record.Tags : feedback.Tags,
            };
        }

        if (isLatestFeedback)
        {
            record = record with { LastFeedbackId = e.FeedbackId };
        }

        record = e.Kind switch
        {
            MailingEventKind.Complaint => record with { HardEvents = Latest(record.HardEvents.Add(e), HardEventCapacity, MailingEvent.CompareByTime) },
            MailingEventKind.Bounce when IsPermanent(e) => record with { HardEvents = Latest(record.HardEvents.Add(e), HardEventCapacity, MailingEvent.CompareByTime) },
            MailingEventKind.Bounce => record with { SoftBounces = Latest(record.SoftBounces.Add(e), SoftBounceCapacity, MailingEvent.CompareByTime) },
            MailingEventKind.Unsuppress => record with { Unsuppressions = Latest(record.Unsuppressions.Add(e), UnsuppressCapacity, MailingEvent.CompareByTime) },
            _ => record,
        };

        return Derive(record);
    }

    /// <summary>Recomputes the summary (state, reason, since, soft-bounce count) from the kept events.</summary>
    public MailingRecord Derive(MailingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var lastDelivery = record.LastEventAt.GetValueOrDefault(nameof(MailingEventKind.Delivery), DateTimeOffset.MinValue);
        var lastUnsuppress = record.Unsuppressions.IsEmpty ? DateTimeOffset.MinValue : record.Unsuppressions.Max(u => u.At);

        // A delivery resets the soft-bounce count: bounces before it no longer count.
        var softBounces = record.SoftBounces.RemoveAll(b => b.At <= lastDelivery);
        var counted = softBounces.Where(b => b.At > lastUnsuppress).OrderBy(b => b, Comparer<MailingEvent>.Create(MailingEvent.CompareByTime)).ToList();
        var kept = record.SoftLimitEvent is { } trigger && record.SoftLimitWindowStart is { } start && start > lastDelivery && start > lastUnsuppress
            ? (Completing: trigger, Start: start)
            : ((MailingEvent Completing, DateTimeOffset Start)?)null;
        var softLimit = EarliestWindow(kept, FirstWindowCompletion(counted));
        (softBounces, softLimit) = KeepDetailsOfNewest(softBounces, softLimit);

        // Neither a delivery nor a soft-bounce reset lifts a complaint or permanent bounce; only an unsuppress does.
        var hard = record.HardEvents.Where(h => h.At > lastUnsuppress).OrderBy(h => h, Comparer<MailingEvent>.Create(MailingEvent.CompareByTime)).FirstOrDefault();
        var suppressor = Earliest(hard, softLimit?.Completing);
        return record with
        {
            SoftBounces = softBounces,
            SoftLimitEvent = softLimit?.Completing,
            SoftLimitWindowStart = softLimit?.Start,
            SoftBounceCount = CurrentWindowCount(counted),
            State = suppressor is null ? MailingState.Active : MailingState.Suppressed,
            SuppressedSince = suppressor?.At,
            SuppressedBy = suppressor,
            SuppressionReason = suppressor is null ? null : ReasonFor(suppressor, ReferenceEquals(suppressor, softLimit?.Completing)),
        };
    }

    /// <summary>
    /// Strips the details of every soft bounce but the newest <see cref="SoftBounceDetailCapacity"/>, and of the
    /// window's completing bounce unless it is one of those. Which bounces keep details depends only on the set of
    /// bounces kept, so the record stays independent of arrival order.
    /// </summary>
    private static (ImmutableArray<MailingEvent> SoftBounces, (MailingEvent Completing, DateTimeOffset Start)? SoftLimit) KeepDetailsOfNewest(
        ImmutableArray<MailingEvent> softBounces, (MailingEvent Completing, DateTimeOffset Start)? softLimit)
    {
        var sorted = softBounces.Sort(MailingEvent.CompareByTime);
        var detailed = sorted.Length - SoftBounceDetailCapacity;
        var builder = ImmutableArray.CreateBuilder<MailingEvent>(sorted.Length);
        for (var i = 0; i < sorted.Length; i++)
        {
            builder.Add(i < detailed ? Bare(sorted[i]) : sorted[i]);
        }

        var result = builder.MoveToImmutable();
        if (softLimit is { } window && !result.Skip(Math.Max(detailed, 0)).Any(e => e.Key == window.Completing.Key))
        {
            softLimit = (Bare(window.Completing), window.Start);
        }

        return (result, softLimit);
    }

    private static MailingEvent Bare(MailingEvent e) => new(e.Key, e.Kind, e.At);

    public static bool IsPermanent(MailingEvent bounce) =>
        bounce.Kind == MailingEventKind.Bounce && string.Equals(bounce.BounceType, "Permanent", StringComparison.OrdinalIgnoreCase);

    private static string ReasonFor(MailingEvent suppressor, bool bySoftLimit)
    {
        if (bySoftLimit)
        {
            return "SoftBounceLimit";
        }

        // SES did not even try: the address was on its own (global or account) suppression list already.
        if (suppressor.BounceSubType is "Suppressed" or "OnAccountSuppressionList")
        {
            return "SesSuppressionList";
        }

        return suppressor.Kind == MailingEventKind.Complaint ? "Complaint" : "PermanentBounce";
    }

    /// <summary>The bounce that first makes policy-many soft bounces fall within one policy window, and the window's start.</summary>
    private (MailingEvent Completing, DateTimeOffset Start)? FirstWindowCompletion(List<MailingEvent> ordered)
    {
        (MailingEvent Completing, DateTimeOffset Start)? first = null;
        for (var start = 0; start + policy.Limit - 1 < ordered.Count; start++)
        {
            var completing = ordered[start + policy.Limit - 1];
            if (completing.At - ordered[start].At <= policy.Window)
            {
                first = EarliestWindow(first, (completing, ordered[start].At));
            }
        }

        return first;
    }

    private static (MailingEvent Completing, DateTimeOffset Start)? EarliestWindow((MailingEvent Completing, DateTimeOffset Start)? left, (MailingEvent Completing, DateTimeOffset Start)? right)
    {
        if (left is not { } l)
        {
            return right;
        }

        if (right is not { } r)
        {
            return left;
        }

        var byCompletion = MailingEvent.CompareByTime(l.Completing, r.Completing);
        return byCompletion < 0 || (byCompletion == 0 && l.Start <= r.Start) ? left : right;
    }

    private int CurrentWindowCount(List<MailingEvent> ordered)
    {
        if (ordered.Count == 0)
        {
            return 0;
        }

        var newest = ordered[^1].At;
        return ordered.Count(b => newest - b.At <= policy.Window);
    }

    /// <summary>True when <paramref name="e"/> is newer than every bounce and complaint applied before it.</summary>
    private static bool IsLatestFeedback(MailingRecord record, MailingEvent e)
    {
        var bounce = record.LastEventAt.GetValueOrDefault(nameof(MailingEventKind.Bounce), DateTimeOffset.MinValue);
        var complaint = record.LastEventAt.GetValueOrDefault(nameof(MailingEventKind.Complaint), DateTimeOffset.MinValue);
        var latest = bounce > complaint ? bounce : complaint;
        // Ties at the same millisecond: the ordinally greater id wins, whatever arrived first.
        return e.At > latest || (e.At == latest && string.CompareOrdinal(e.FeedbackId, record.LastFeedbackId) > 0);
    }

    private static MailingEvent? Earliest(MailingEvent? left, MailingEvent? right) =>
        left is null ? right : right is null ? left : MailingEvent.CompareByTime(left, right) <= 0 ? left : right;

    private static int CompareSeen(SeenEvent left, SeenEvent right)
    {
        var byTime = left.At.CompareTo(right.At);
        return byTime != 0 ? byTime : string.CompareOrdinal(left.Key, right.Key);
    }

    /// <summary>The <paramref name="capacity"/> latest items, oldest first.</summary>
    private static ImmutableArray<T> Latest<T>(ImmutableArray<T> items, int capacity, Comparison<T> compare)
    {
        var sorted = items.Sort(compare);
        return sorted.Length <= capacity ? sorted : sorted.RemoveRange(0, sorted.Length - capacity);
    }
}
