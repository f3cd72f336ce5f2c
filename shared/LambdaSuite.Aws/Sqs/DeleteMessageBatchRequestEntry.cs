namespace LambdaSuite.Aws.Sqs;

public sealed record DeleteMessageBatchRequestEntry
{
    public required string Id { get; init; }

    public required string ReceiptHandle { get; init; }
}
