using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Sqs;

/// <summary>An SQS message attribute as Lambda passes it; binary values arrive base64 and are decoded to bytes.</summary>
public sealed class SqsMessageAttribute
{
    [JsonPropertyName("stringValue")]
    public string? StringValue { get; set; }

    [JsonPropertyName("binaryValue")]
    public byte[]? BinaryValue { get; set; }

    [JsonPropertyName("stringListValues")]
    public List<string>? StringListValues { get; set; }

    [JsonPropertyName("binaryListValues")]
    public List<byte[]>? BinaryListValues { get; set; }

    /// <summary>String, Number or Binary, optionally with a custom suffix (<c>Number.int</c>).</summary>
    [JsonPropertyName("dataType")]
    public string? DataType { get; set; }
}
