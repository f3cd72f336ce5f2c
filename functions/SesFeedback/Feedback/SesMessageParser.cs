using System.Collections.Immutable;
using System.Text.Json;
using LambdaSuite.Data.Mailing;
using SesFeedback.Mailing;
using SesFeedback.Ses;

namespace SesFeedback.Feedback;

/// <summary>Turns one SES message (JSON) into per-recipient <see cref="FeedbackEvent"/>s.</summary>
internal static class SesMessageParser
{
    private const string ConfigurationSetTag = "ses:configuration-set";

    /// <summary>How far ahead of this clock an event may be dated (clock skew between SES and Lambda is seconds).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromDays(1);

    /// <summary>No SES event predates SES itself (launched January 2011).</summary>
    public static readonly DateTimeOffset EarliestEventTime = new(2011, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static SesParseResult Parse(string json) => Parse(json, TimeProvider.System.GetUtcNow());

    /// <summary>Parses one SES message; <paramref name="now"/> bounds its event time.</summary>
    public static SesParseResult Parse(string json, DateTimeOffset now)
    {
        SesMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(json, SesJsonContext.Default.SesMessage);
        }
        catch (JsonException e)
        {
            return SesParseResult.Failed($"not valid SES JSON: {e.Message}");
        }
        catch (ArgumentException)
        {
            // An SNS or SQS envelope can carry "\ud800" escapes: the message string then holds a lone surrogate,
            // which cannot be transcoded to UTF-8 for the JSON reader.
            return SesParseResult.Failed("not valid SES JSON: the message holds broken UTF-16 (a lone surrogate)");
        }

        return message is null ? SesParseResult.Failed("empty SES message") : Parse(message, now);
    }

    public static SesParseResult Parse(SesMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = message.EventType ?? message.NotificationType;
        if (type is null)
        {
            return SesParseResult.Failed("neither notificationType nor eventType is present");
        }

        if (message.Mail is null)
        {
            return SesParseResult.Failed($"{type} message has no mail object");
        }

        var result = type switch
        {
            "Bounce" => FromBounce(message, message.Bounce),
            "Complaint" => FromComplaint(message, message.Complaint),
            "Delivery" => FromRecipients(message, MailingEventKind.Delivery, message.Delivery?.Timestamp, message.Delivery?.Recipients, "delivery"),
            "DeliveryDelay" => FromRecipients(message, MailingEventKind.DeliveryDelay, message.DeliveryDelay?.Timestamp, message.DeliveryDelay?.DelayedRecipients?.Select(r => r.EmailAddress), "deliveryDelay"),
            "Open" => FromRecipients(message, MailingEventKind.Open, message.Open?.Timestamp, message.Mail.Destination, "open"),
            "Click" => FromRecipients(message, MailingEventKind.Click, message.Click?.Timestamp, message.Mail.Destination, "click"),
            "Subscription" => FromRecipients(message, MailingEventKind.Subscription, message.Subscription?.Timestamp, message.Mail.Destination, "subscription"),
            // These three carry no time of their own; the send time is the event's time.
            "Send" => FromRecipients(message, MailingEventKind.Send, message.Mail.Timestamp, message.Mail.Destination, "mail"),
            "Reject" => FromRecipients(message, MailingEventKind.Reject, message.Mail.Timestamp, message.Mail.Destination, "mail"),
            "Rendering Failure" => FromRecipients(message, MailingEventKind.RenderingFailure, message.Mail.Timestamp, message.Mail.Destination, "mail"),
            _ => SesParseResult.Failed($"unknown SES message type '{type}'"),
        };

        // Every recipient of one message shares its time.
        return result.Events.Count > 0 && TimeRefusal(result.Events[0].Event.At, now) is { } refusal ? SesParseResult.Failed(refusal) : result;
    }

    /// <summary>
    /// Refuses, rather than clamps, an event dated outside SES's lifetime: an event dated in the future would
    /// outrank every later unsuppress (it could never be lifted), and clamping would record a time nobody sent.
    /// </summary>
    private static string? TimeRefusal(DateTimeOffset at, DateTimeOffset now)
    {
        if (at > now + MaxClockSkew)
        {
            return $"the event is dated {LambdaSuite.Data.DynamoTime.Format(at)}, more than a day in the future; refused, because an event dated ahead could never be lifted by an unsuppress";
        }

        return at < EarliestEventTime ? $"the event is dated {LambdaSuite.Data.DynamoTime.Format(at)}, before SES existed; refused" : null;
    }

    private static SesParseResult FromBounce(SesMessage message, SesBounce? bounce)
    {
        if (bounce?.Timestamp is not { } at || bounce.BounceType is null)
        {
            return SesParseResult.Failed("Bounce message lacks bounce.timestamp or bounce.bounceType");
        }

        return Build(message, MailingEventKind.Bounce, at, bounce.BouncedRecipients?.Select(r => (r.EmailAddress, (SesRecipient?)r)), bounce.FeedbackId,
            (e, r) => e with { BounceType = Id(bounce.BounceType), BounceSubType = Id(bounce.BounceSubType), DiagnosticCode = MailingBounds.Cut(r?.DiagnosticCode, MailingBounds.MaxDiagnosticCodeBytes) });
    }

    private static SesParseResult FromComplaint(SesMessage message, SesComplaint? complaint)
    {
        if (complaint?.Timestamp is not { } at)
        {
            return SesParseResult.Failed("Complaint message lacks complaint.timestamp");
        }

        return Build(message, MailingEventKind.Complaint, at, complaint.ComplainedRecipients?.Select(r => (r.EmailAddress, (SesRecipient?)r)), complaint.FeedbackId,
            (e, _) => e with { ComplaintFeedbackType = Id(complaint.ComplaintFeedbackType), BounceSubType = Id(complaint.ComplaintSubType) });
    }

    private static SesParseResult FromRecipients(SesMessage message, MailingEventKind kind, DateTimeOffset? at, IEnumerable<string?>? recipients, string timeSource) =>
        at is { } time
            ? Build(message, kind, time, recipients?.Select(r => (r, (SesRecipient?)null)), feedbackId: null, (e, _) => e)
            : SesParseResult.Failed($"{kind} message lacks {timeSource}.timestamp");

    private static SesParseResult Build(
        SesMessage message,
        MailingEventKind kind,
        DateTimeOffset at,
        IEnumerable<(string? Address, SesRecipient? Detail)>? recipients,
        string? feedbackId,
        Func<MailingEvent, SesRecipient?, MailingEvent> enrich)
    {
        var list = recipients?.ToList() ?? [];
        if (list.Count == 0)
        {
            return SesParseResult.Failed($"{kind} message names no recipients");
        }

        var mail = message.Mail!;
        var tags = BoundedTags(mail.Tags);
        // From the tags as sent: the stored tags keep only what fits their budget, in name order, so many long user
        // tags named before "ses:" could push the configuration set out of them.
        var configurationSet = mail.Tags is { } sent && sent.TryGetValue(ConfigurationSetTag, out var sets) && sets?.FirstOrDefault(v => v is not null) is { } set ? Id(set) : null;
        EmailAddress.TryNormalize(mail.Source, out var sender);
        var events = new List<FeedbackEvent>(list.Count);
        var skipped = new List<SkippedRecipient>();
        foreach (var (raw, detail) in list)
        {
            if (!EmailAddress.TryNormalize(raw, out var address, out var refusal))
            {
                skipped.Add(new SkippedRecipient(raw ?? "(no address)", refusal));
                continue;
            }

            var kindName = kind.ToString();
            // The key hashes the ids in full; what is stored is cut to its budget (MailingBounds).
            var baseEvent = new MailingEvent(EventKey.For(kindName, feedbackId, mail.MessageId, address, at), kind, at)
            {
                FeedbackId = Id(feedbackId),
                MessageId = Id(mail.MessageId),
            };
            events.Add(new FeedbackEvent(address, enrich(baseEvent, detail))
            {
                Sender = sender.Length > 0 ? sender : Id(mail.Source),
                ConfigurationSet = configurationSet,
                Tags = tags,
            });
        }

        return new SesParseResult(events, skipped, Error: null);
    }

    private static string? Id(string? value) => MailingBounds.Cut(value, MailingBounds.MaxIdentifierBytes);

    /// <summary>Tags in name order, each name and value cut to its budget, while all of them fit in <see cref="MailingBounds.MaxTagBytes"/>.</summary>
    private static ImmutableSortedDictionary<string, ImmutableArray<string>> BoundedTags(Dictionary<string, List<string>>? tags)
    {
        var bounded = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var used = 0;
        foreach (var (name, values) in (tags ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var key = Id(name);
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            var kept = (values ?? []).Where(v => v is not null).Select(v => Id(v)!).ToImmutableArray();
            used += System.Text.Encoding.UTF8.GetByteCount(key) + kept.Sum(v => System.Text.Encoding.UTF8.GetByteCount(v) + 1) + 4;
            if (used > MailingBounds.MaxTagBytes)
            {
                break;
            }

            bounded[key] = kept;
        }

        return bounded.ToImmutable();
    }
}
