namespace LambdaSuite.Aws.Kinesis;

public sealed record DescribeStreamSummaryResponse
{
    public required StreamDescriptionSummary StreamDescriptionSummary { get; init; }
}
