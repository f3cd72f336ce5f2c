namespace LambdaSuite.Harness.Iot;

/// <summary>One MQTT message as a rule sees it, with what the broker knows of its sender.</summary>
/// <param name="ClientId">The publisher's MQTT client id, when known (<c>clientid()</c>; omitted from the output when null).</param>
/// <param name="Principal">The publisher's certificate id, when known (<c>principal()</c>; omitted when null).</param>
public sealed record RuleMessage(string Topic, ReadOnlyMemory<byte> Payload, string? ClientId, string? Principal, DateTimeOffset ReceivedAt);
