namespace LambdaSuite.Aws.Kinesis;

/// <summary>Decimal strings: hash keys are 128-bit numbers.</summary>
public sealed record HashKeyRange
{
    public required string StartingHashKey { get; init; }

    public required string EndingHashKey { get; init; }
}
