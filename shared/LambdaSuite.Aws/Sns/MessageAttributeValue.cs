namespace LambdaSuite.Aws.Sns;

/// <summary>An SNS message attribute: DataType String, String.Array, Number or Binary.</summary>
public sealed record MessageAttributeValue
{
    public required string DataType { get; init; }

    public string? StringValue { get; init; }

    public ReadOnlyMemory<byte>? BinaryValue { get; init; }
}
