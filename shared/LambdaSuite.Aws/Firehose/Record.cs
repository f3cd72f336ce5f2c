namespace LambdaSuite.Aws.Firehose;

public sealed record Record
{
    /// <summary>The blob, base64 on the wire; at most 1,000 KiB before encoding.</summary>
    public required ReadOnlyMemory<byte> Data { get; init; }
}
