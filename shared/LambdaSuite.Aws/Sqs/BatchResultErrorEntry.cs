namespace LambdaSuite.Aws.Sqs;

/// <summary>One entry SQS did not enqueue; <see cref="SenderFault"/> false means retrying it may succeed.</summary>
public sealed record BatchResultErrorEntry
{
    public required string Id { get; init; }

    public required string Code { get; init; }

    public string? Message { get; init; }

    public bool SenderFault { get; init; }
}
