// Grouped shapes: a record set and the small types it carries, as ListResourceRecordSets answers them and
// ChangeResourceRecordSets takes them, are read together, so they share this file, the one exception to one type per
// file (see this project's README, "Files").

namespace LambdaSuite.Aws.Route53;

/// <summary>
/// A record set exactly as Route 53 lists it: <see cref="Name"/> keeps Route 53's escapes (<c>\052</c> for a
/// leading '*', octal for other special characters) and its trailing dot. Routing-policy fields
/// (<see cref="SetIdentifier"/>, <see cref="Weight"/>, <see cref="AliasTarget"/>, ...) are read so callers can tell
/// such records apart; they are written back only so a DELETE can name the record exactly.
/// </summary>
public sealed record ResourceRecordSet
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public string? SetIdentifier { get; init; }

    public long? Weight { get; init; }

    public string? Region { get; init; }

    public string? Failover { get; init; }

    public bool? MultiValueAnswer { get; init; }

    public long? TTL { get; init; }

    public IReadOnlyList<ResourceRecord> ResourceRecords { get; init; } = [];

    public AliasTarget? AliasTarget { get; init; }

    public string? HealthCheckId { get; init; }
}

/// <summary>One value of a record set, in Route 53's text form (TXT values keep their quotes).</summary>
public sealed record ResourceRecord(string Value);

/// <summary>Read from listings so a mirror can recognise and leave alias records alone.</summary>
public sealed record AliasTarget
{
    public required string HostedZoneId { get; init; }

    public required string DNSName { get; init; }

    public bool EvaluateTargetHealth { get; init; }
}
