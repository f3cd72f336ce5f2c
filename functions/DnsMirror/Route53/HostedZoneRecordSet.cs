namespace DnsMirror.Route53;

/// <summary>
/// One record set in Route 53's shape (ResourceRecordSet): name with trailing dot and Route 53's octal escapes
/// (<c>\052</c> for <c>*</c>), type mnemonic, TTL and the values as Route 53 writes them. Alias and
/// routing-policy record sets carry <see cref="AliasTarget"/> or <see cref="SetIdentifier"/>; DnsMirror leaves
/// those alone.
/// </summary>
internal sealed record HostedZoneRecordSet(string Name, string Type, long? Ttl, IReadOnlyList<string> Values)
{
    /// <summary>Set for weighted, latency, failover, geolocation and other routing-policy records.</summary>
    public string? SetIdentifier { get; init; }

    /// <summary>DNS name of an alias target; null for a plain record set.</summary>
    public string? AliasTarget { get; init; }

    public bool IsAlias => AliasTarget is not null;
}
