namespace LambdaSuite.Aws.Sqs;

public sealed record DeleteMessageBatchResultEntry
{
    public required string Id { get; init; }
}
