namespace LambdaSuite.Aws.Sqs;

/// <summary>An SQS message attribute: DataType String, Number or Binary (optionally with a ".custom" suffix).</summary>
public sealed record MessageAttributeValue
{
    public required string DataType { get; init; }

    public string? StringValue { get; init; }

    public ReadOnlyMemory<byte>? BinaryValue { get; init; }
}
