namespace LambdaSuite.Aws.Kinesis;

public sealed record StreamModeDetails
{
    /// <summary>PROVISIONED or ON_DEMAND.</summary>
    public required string StreamMode { get; init; }
}
