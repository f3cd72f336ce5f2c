using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesFeedback.Ses;

/// <summary>
/// An SES feedback message as SNS, SQS or EventBridge carries it, in either shape SES publishes: identity
/// notifications (<c>notificationType</c>) or configuration-set event publishing (<c>eventType</c>). Only the
/// fields the mailing table uses are modelled; unknown fields are ignored.
/// </summary>
internal sealed class SesMessage
{
    [JsonPropertyName("notificationType")]
    public string? NotificationType { get; init; }

    [JsonPropertyName("eventType")]
    public string? EventType { get; init; }

    [JsonPropertyName("mail")]
    public SesMail? Mail { get; init; }

    [JsonPropertyName("bounce")]
    public SesBounce? Bounce { get; init; }

    [JsonPropertyName("complaint")]
    public SesComplaint? Complaint { get; init; }

    [JsonPropertyName("delivery")]
    public SesDelivery? Delivery { get; init; }

    [JsonPropertyName("deliveryDelay")]
    public SesDeliveryDelay? DeliveryDelay { get; init; }

    [JsonPropertyName("open")]
    public SesTimestamped? Open { get; init; }

    [JsonPropertyName("click")]
    public SesTimestamped? Click { get; init; }

    [JsonPropertyName("subscription")]
    public SesTimestamped? Subscription { get; init; }

    [JsonPropertyName("reject")]
    public SesReject? Reject { get; init; }

    [JsonPropertyName("failure")]
    public SesRenderingFailure? Failure { get; init; }
}

internal sealed class SesMail
{
    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }

    [JsonPropertyName("messageId")]
    public string? MessageId { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("destination")]
    public List<string>? Destination { get; init; }

    [JsonPropertyName("tags")]
    public Dictionary<string, List<string>>? Tags { get; init; }
}

internal sealed class SesRecipient
{
    [JsonPropertyName("emailAddress")]
    public string? EmailAddress { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("diagnosticCode")]
    public string? DiagnosticCode { get; init; }
}

internal sealed class SesBounce
{
    [JsonPropertyName("bounceType")]
    public string? BounceType { get; init; }

    [JsonPropertyName("bounceSubType")]
    public string? BounceSubType { get; init; }

    [JsonPropertyName("bouncedRecipients")]
    public List<SesRecipient>? BouncedRecipients { get; init; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }

    [JsonPropertyName("feedbackId")]
    public string? FeedbackId { get; init; }
}

internal sealed class SesComplaint
{
    [JsonPropertyName("complainedRecipients")]
    public List<SesRecipient>? ComplainedRecipients { get; init; }

    [JsonPropertyName("complaintFeedbackType")]
    public string? ComplaintFeedbackType { get; init; }

    [JsonPropertyName("complaintSubType")]
    public string? ComplaintSubType { get; init; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }

    [JsonPropertyName("feedbackId")]
    public string? FeedbackId { get; init; }
}

internal sealed class SesDelivery
{
    [JsonPropertyName("recipients")]
    public List<string>? Recipients { get; init; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }

    [JsonPropertyName("smtpResponse")]
    public string? SmtpResponse { get; init; }
}

internal sealed class SesDeliveryDelay
{
    [JsonPropertyName("delayedRecipients")]
    public List<SesRecipient>? DelayedRecipients { get; init; }

    [JsonPropertyName("delayType")]
    public string? DelayType { get; init; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }
}

/// <summary>Open, Click and Subscription objects: only their time matters to the mailing table.</summary>
internal sealed class SesTimestamped
{
    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }
}

internal sealed class SesReject
{
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}

internal sealed class SesRenderingFailure
{
    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; init; }

    [JsonPropertyName("templateName")]
    public string? TemplateName { get; init; }
}

[JsonSerializable(typeof(SesMessage))]
[JsonSourceGenerationOptions(AllowTrailingCommas = false, ReadCommentHandling = JsonCommentHandling.Disallow)]
internal sealed partial class SesJsonContext : JsonSerializerContext;
