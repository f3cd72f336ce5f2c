namespace LambdaSuite.Aws.Route53;

/// <summary>Read from listings so a mirror can recognise and leave alias records alone.</summary>
public sealed record AliasTarget
{
    public required string HostedZoneId { get; init; }

    public required string DNSName { get; init; }

    public bool EvaluateTargetHealth { get; init; }
}
