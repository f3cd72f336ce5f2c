// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.Route53;

public sealed record ListResourceRecordSetsRequest
{
    /// <summary>The zone id, bare (<c>Z123</c>) or as Route 53 prints it (<c>/hostedzone/Z123</c>).</summary>
    public required string HostedZoneId { get; init; }

    public string? StartRecordName { get; init; }

    public string? StartRecordType { get; init; }

    /// <summary>Only with <see cref="StartRecordName"/> and <see cref="StartRecordType"/>, for routing-policy records.</summary>
    public string? StartRecordIdentifier { get; init; }

    /// <summary>At most 300 per page (Route 53's limit); the service's default is 300.</summary>
    public int? MaxItems { get; init; }
}

public sealed record ListResourceRecordSetsResponse
{
    public IReadOnlyList<ResourceRecordSet> ResourceRecordSets { get; init; } = [];

    /// <summary>When true, the Next* fields start the next page.</summary>
    public bool IsTruncated { get; init; }

    public string? NextRecordName { get; init; }

    public string? NextRecordType { get; init; }

    public string? NextRecordIdentifier { get; init; }

    public int MaxItems { get; init; }
}
