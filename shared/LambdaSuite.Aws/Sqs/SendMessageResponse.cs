namespace LambdaSuite.Aws.Sqs;

public sealed record SendMessageResponse
{
    public string? MessageId { get; init; }

    public string? MD5OfMessageBody { get; init; }

    public string? MD5OfMessageAttributes { get; init; }

    public string? SequenceNumber { get; init; }
}
