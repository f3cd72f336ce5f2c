using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Sns;

/// <summary>
/// An SNS notification: the <c>Sns</c> object of a Lambda SNS record, and also the JSON body SNS delivers to
/// SQS or HTTP subscribers without raw delivery. Lambda records spell <c>SigningCertUrl</c>/<c>UnsubscribeUrl</c>,
/// the SQS/HTTP form spells <c>SigningCertURL</c>/<c>UnsubscribeURL</c>; both spellings land in the same property.
/// </summary>
public sealed class SnsMessage
{
    [JsonPropertyName("Type")]
    public string? Type { get; set; }

    [JsonPropertyName("MessageId")]
    public string? MessageId { get; set; }

    [JsonPropertyName("TopicArn")]
    public string? TopicArn { get; set; }

    [JsonPropertyName("Subject")]
    public string? Subject { get; set; }

    [JsonPropertyName("Message")]
    public string? Message { get; set; }

    [JsonPropertyName("Timestamp")]
    public DateTimeOffset Timestamp { get; set; }

    [JsonPropertyName("SignatureVersion")]
    public string? SignatureVersion { get; set; }

    [JsonPropertyName("Signature")]
    public string? Signature { get; set; }

    [JsonPropertyName("SigningCertUrl")]
    public string? SigningCertUrl { get; set; }

    /// <summary>The SQS/HTTP spelling; reading it fills <see cref="SigningCertUrl"/>, it is never written.</summary>
    [JsonPropertyName("SigningCertURL")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SigningCertUrlAlternateSpelling
    {
        get => null;
        set => SigningCertUrl ??= value;
    }

    [JsonPropertyName("UnsubscribeUrl")]
    public string? UnsubscribeUrl { get; set; }

    /// <summary>The SQS/HTTP spelling; reading it fills <see cref="UnsubscribeUrl"/>, it is never written.</summary>
    [JsonPropertyName("UnsubscribeURL")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UnsubscribeUrlAlternateSpelling
    {
        get => null;
        set => UnsubscribeUrl ??= value;
    }

    [JsonPropertyName("MessageAttributes")]
    public Dictionary<string, SnsMessageAttribute>? MessageAttributes { get; set; }

    /// <summary>The value of string attribute <paramref name="name"/>, or null.</summary>
    public string? GetAttribute(string name) =>
        MessageAttributes is not null && MessageAttributes.TryGetValue(name, out var attribute) ? attribute.Value : null;
}
