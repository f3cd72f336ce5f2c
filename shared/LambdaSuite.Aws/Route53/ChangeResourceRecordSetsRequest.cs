namespace LambdaSuite.Aws.Route53;

public sealed record ChangeResourceRecordSetsRequest
{
    /// <summary>The zone id, bare (<c>Z123</c>) or as Route 53 prints it (<c>/hostedzone/Z123</c>).</summary>
    public required string HostedZoneId { get; init; }

    public required ChangeBatch ChangeBatch { get; init; }
}
