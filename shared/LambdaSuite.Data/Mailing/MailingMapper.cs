using System.Collections.Immutable;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using A = LambdaSuite.Data.Mailing.MailingAttributes;
using static LambdaSuite.Data.ItemAttributes;

namespace LambdaSuite.Data.Mailing;

/// <summary>Maps <see cref="MailingRecord"/> to and from a DynamoDB item. Absent optional fields are not written.</summary>
public static class MailingMapper
{
    public static Dictionary<string, AttributeValue> ToItem(MailingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [A.UserId] = S(record.Address),
            [A.Version] = N(record.Version),
            [A.State] = S(record.State == MailingState.Suppressed ? "suppressed" : "active"),
            [A.SoftBounceCount] = N(record.SoftBounceCount),
            [A.Totals] = new AttributeValue { M = record.Totals.ToDictionary(p => p.Key, p => N(p.Value), StringComparer.Ordinal) },
            [A.LastEventAt] = new AttributeValue { M = record.LastEventAt.ToDictionary(p => p.Key, p => S(DynamoTime.Format(p.Value)), StringComparer.Ordinal) },
            [A.HardEvents] = EventList(record.HardEvents),
            [A.SoftBounces] = EventList(record.SoftBounces),
            [A.Unsuppressions] = EventList(record.Unsuppressions),
            [A.Seen] = new AttributeValue { L = record.Seen.Select(s => new AttributeValue { M = new() { [A.EventKey] = S(s.Key), [A.EventAt] = S(DynamoTime.Format(s.At)) } }).ToList() },
            [A.UpdatedAt] = S(DynamoTime.Format(record.UpdatedAt)),
        };
        PutIfPresent(item, A.SuppressionReason, record.SuppressionReason);
        PutIfPresent(item, A.SuppressedSince, record.SuppressedSince is { } since ? DynamoTime.Format(since) : null);
        PutIfPresent(item, A.SoftLimitWindowStart, record.SoftLimitWindowStart is { } start ? DynamoTime.Format(start) : null);
        PutIfPresent(item, A.LastMessageId, record.LastMessageId);
        PutIfPresent(item, A.LastFeedbackId, record.LastFeedbackId);
        PutIfPresent(item, A.Sender, record.Sender);
        PutIfPresent(item, A.ConfigurationSet, record.ConfigurationSet);
        if (record.SuppressedBy is not null)
        {
            item[A.SuppressedBy] = EventMap(record.SuppressedBy);
        }

        if (record.LatestEvent is not null)
        {
            item[A.LatestEvent] = EventMap(record.LatestEvent);
        }

        if (record.SoftLimitEvent is not null)
        {
            item[A.SoftLimitEvent] = EventMap(record.SoftLimitEvent);
        }

        if (!record.Tags.IsEmpty)
        {
            item[A.Tags] = new AttributeValue { M = record.Tags.ToDictionary(p => p.Key, p => new AttributeValue { L = p.Value.Select(S).ToList() }, StringComparer.Ordinal) };
        }

        return item;
    }

    public static MailingRecord FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new MailingRecord(Str(item, A.UserId) ?? throw new FormatException($"Mailing item has no {A.UserId}."))
        {
            Version = Long(item, A.Version),
            State = Str(item, A.State) == "suppressed" ? MailingState.Suppressed : MailingState.Active,
            SuppressionReason = Str(item, A.SuppressionReason),
            SuppressedSince = Str(item, A.SuppressedSince) is { } since ? DynamoTime.Parse(since) : null,
            SuppressedBy = item.TryGetValue(A.SuppressedBy, out var by) && by.M is not null ? ReadEvent(by.M) : null,
            SoftBounceCount = (int)Long(item, A.SoftBounceCount),
            Totals = Map(item, A.Totals).ToImmutableSortedDictionary(p => p.Key, p => long.Parse(p.Value.N, CultureInfo.InvariantCulture), StringComparer.Ordinal),
            LastEventAt = Map(item, A.LastEventAt).ToImmutableSortedDictionary(p => p.Key, p => DynamoTime.Parse(p.Value.S), StringComparer.Ordinal),
            LastMessageId = Str(item, A.LastMessageId),
            LastFeedbackId = Str(item, A.LastFeedbackId),
            Sender = Str(item, A.Sender),
            ConfigurationSet = Str(item, A.ConfigurationSet),
            Tags = Map(item, A.Tags).ToImmutableSortedDictionary(p => p.Key, p => (p.Value.L ?? []).Select(v => v.S).ToImmutableArray(), StringComparer.Ordinal),
            LatestEvent = item.TryGetValue(A.LatestEvent, out var latest) && latest.M is not null ? ReadEvent(latest.M) : null,
            SoftLimitEvent = item.TryGetValue(A.SoftLimitEvent, out var limit) && limit.M is not null ? ReadEvent(limit.M) : null,
            SoftLimitWindowStart = Str(item, A.SoftLimitWindowStart) is { } start ? DynamoTime.Parse(start) : null,
            HardEvents = ReadEvents(item, A.HardEvents),
            SoftBounces = ReadEvents(item, A.SoftBounces),
            Unsuppressions = ReadEvents(item, A.Unsuppressions),
            Seen = List(item, A.Seen).Select(v => new SeenEvent(v.M[A.EventKey].S, DynamoTime.Parse(v.M[A.EventAt].S))).ToImmutableArray(),
            UpdatedAt = Str(item, A.UpdatedAt) is { } updated ? DynamoTime.Parse(updated) : default,
        };
    }

    private static AttributeValue EventList(ImmutableArray<MailingEvent> events) => new() { L = events.Select(EventMap).ToList() };

    private static AttributeValue EventMap(MailingEvent e)
    {
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [A.EventKey] = S(e.Key),
            [A.EventKind] = S(e.Kind.ToString()),
            [A.EventAt] = S(DynamoTime.Format(e.At)),
        };
        PutIfPresent(map, A.BounceType, e.BounceType);
        PutIfPresent(map, A.BounceSubType, e.BounceSubType);
        PutIfPresent(map, A.DiagnosticCode, e.DiagnosticCode);
        PutIfPresent(map, A.ComplaintFeedbackType, e.ComplaintFeedbackType);
        PutIfPresent(map, A.FeedbackId, e.FeedbackId);
        PutIfPresent(map, A.MessageId, e.MessageId);
        PutIfPresent(map, A.Note, e.Note);
        return new AttributeValue { M = map };
    }

    private static ImmutableArray<MailingEvent> ReadEvents(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        List(item, name).Where(v => v.M is not null).Select(v => ReadEvent(v.M)).ToImmutableArray();

    private static MailingEvent ReadEvent(Dictionary<string, AttributeValue> map) =>
        new(Str(map, A.EventKey) ?? "", Enum.Parse<MailingEventKind>(Str(map, A.EventKind) ?? nameof(MailingEventKind.Send)), DynamoTime.Parse(Str(map, A.EventAt) ?? "0001-01-01T00:00:00.000Z"))
        {
            BounceType = Str(map, A.BounceType),
            BounceSubType = Str(map, A.BounceSubType),
            DiagnosticCode = Str(map, A.DiagnosticCode),
            ComplaintFeedbackType = Str(map, A.ComplaintFeedbackType),
            FeedbackId = Str(map, A.FeedbackId),
            MessageId = Str(map, A.MessageId),
            Note = Str(map, A.Note),
        };

    private static string? Str(IReadOnlyDictionary<string, AttributeValue> item, string name) => ItemAttributes.String(item, name);

    private static long Long(IReadOnlyDictionary<string, AttributeValue> item, string name) => Number(item, name) ?? 0;

    private static Dictionary<string, AttributeValue> Map(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.M is not null ? value.M : [];

    private static List<AttributeValue> List(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.L is not null ? value.L : [];
}
