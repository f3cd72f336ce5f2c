using System.Globalization;
using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Sqs;

/// <summary>One SQS message of a Lambda SQS batch. <see cref="MessageId"/> is what a partial batch response names.</summary>
public sealed class SqsMessage
{
    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    [JsonPropertyName("receiptHandle")]
    public string? ReceiptHandle { get; set; }

    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>System attributes: ApproximateReceiveCount, SentTimestamp, SenderId, MessageGroupId, AWSTraceHeader, ...</summary>
    [JsonPropertyName("attributes")]
    public Dictionary<string, string>? Attributes { get; set; }

    [JsonPropertyName("messageAttributes")]
    public Dictionary<string, SqsMessageAttribute>? MessageAttributes { get; set; }

    [JsonPropertyName("md5OfBody")]
    public string? Md5OfBody { get; set; }

    [JsonPropertyName("md5OfMessageAttributes")]
    public string? Md5OfMessageAttributes { get; set; }

    /// <summary><c>aws:sqs</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>How often SQS has handed out this message, 0 when the attribute is missing or malformed.</summary>
    [JsonIgnore]
    public int ApproximateReceiveCount =>
        GetAttribute("ApproximateReceiveCount") is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : 0;

    /// <summary>FIFO queues only.</summary>
    [JsonIgnore]
    public string? MessageGroupId => GetAttribute("MessageGroupId");

    public string? GetAttribute(string name) =>
        Attributes is not null && Attributes.TryGetValue(name, out var value) ? value : null;
}
