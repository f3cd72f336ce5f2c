// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.IotData;

public sealed record PublishRequest
{
    /// <summary>The MQTT topic, unencoded; the client percent-encodes each '/'-separated segment.</summary>
    public required string Topic { get; init; }

    /// <summary>0 or 1.</summary>
    public int Qos { get; init; }

    public bool Retain { get; init; }

    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>MQTT 5 content type, sent as the <c>contentType</c> query parameter.</summary>
    public string? ContentType { get; init; }

    /// <summary>MQTT 5 response topic, sent as the <c>responseTopic</c> query parameter.</summary>
    public string? ResponseTopic { get; init; }

    /// <summary>MQTT 5 message expiry in seconds, sent as the <c>messageExpiry</c> query parameter.</summary>
    public long? MessageExpiry { get; init; }
}

/// <summary>Publish answers 200 with no body.</summary>
public sealed record PublishResponse;
