namespace LambdaSuite.Aws.Kinesis;

public sealed record CreateStreamRequest
{
    public required string StreamName { get; init; }

    /// <summary>Required in PROVISIONED mode; absent in ON_DEMAND mode.</summary>
    public int? ShardCount { get; init; }

    public StreamModeDetails? StreamModeDetails { get; init; }
}
