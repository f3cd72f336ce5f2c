namespace LambdaSuite.Aws.Kinesis;

/// <summary>CreateStream answers with an empty body; the stream is CREATING until DescribeStreamSummary says ACTIVE.</summary>
public sealed record CreateStreamResponse;
