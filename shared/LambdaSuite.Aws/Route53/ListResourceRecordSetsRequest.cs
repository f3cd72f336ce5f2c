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
