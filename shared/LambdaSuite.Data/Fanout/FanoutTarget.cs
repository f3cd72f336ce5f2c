namespace LambdaSuite.Data.Fanout;

/// <summary>
/// One row of the <c>fanoutTargets</c> table: records from <see cref="SourceArn"/> go to <see cref="Destination"/>
/// as <see cref="Type"/> says, with the options below. Options a type does not use are ignored by it.
/// </summary>
public sealed record FanoutTarget
{
    public required string SourceArn { get; init; }

    public required string Id { get; init; }

    public required FanoutTargetType Type { get; init; }

    /// <summary>Stream/queue/topic/function ARN or name, queue URL, OpenSearch URL, <c>host:port</c> (see README).</summary>
    public required string Destination { get; init; }

    public bool Active { get; init; }

    /// <summary>Role to assume for a cross-account destination.</summary>
    public string? Role { get; init; }

    public string? ExternalId { get; init; }

    /// <summary>Destination region when it differs from the function's (cross-region).</summary>
    public string? Region { get; init; }

    public CollapseMode Collapse { get; init; }

    /// <summary>Calls in flight at once for this target; 1 keeps order per partition key (forced for ordered targets).</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>DynamoDB Streams records as plain JSON (exact numbers, base64 binary) instead of typed attribute values.</summary>
    public bool ConvertDdb { get; init; }

    /// <summary>Unpack KPL aggregated records into their user records before delivery.</summary>
    public bool Deaggregate { get; init; }

    public bool AppendNewlines { get; init; }

    /// <summary>SQS queue (URL or ARN) that receives oversized, corrupt and undeliverable records with their reason.</summary>
    public string? DeadLetter { get; init; }

    /// <summary>FIFO message group: null/"partitionKey" = the record's partition key; any other text = that fixed group.</summary>
    public string? FifoGroup { get; init; }

    public DeduplicationStrategy Deduplication { get; init; }

    /// <summary>OpenSearch index.</summary>
    public string? Index { get; init; }

    /// <summary>IoT topic (the destination is the account's IoT data endpoint, or empty for the regional one).</summary>
    public string? Topic { get; init; }

    public int Qos { get; init; }

    /// <summary>Cache entry lifetime in seconds for Redis and Memcached; 0 = no expiry.</summary>
    public int Ttl { get; init; }

    public string? KeyPrefix { get; init; }

    /// <summary>Redis over TLS.</summary>
    public bool Tls { get; init; }

    /// <summary>Redis AUTH: "password" or "user:password".</summary>
    public string? Auth { get; init; }

    /// <summary>Stable name of this target in logs and metrics.</summary>
    public string Name => FanoutTargetTypes.NameOf(Type) + ":" + Id;
}
