namespace LambdaSuite.Aws.Sqs;

/// <summary>Zero to ten messages; an empty list means none was visible within the wait.</summary>
public sealed record ReceiveMessageResponse
{
    private readonly IReadOnlyList<Message> _messages = [];

    /// <summary>
    /// SQS answers <c>{}</c> when nothing was received, and the source-generated reader then sets this init-only
    /// property to null instead of keeping its initializer: the setter restores the empty list.
    /// </summary>
    public IReadOnlyList<Message> Messages { get => _messages; init => _messages = value ?? []; }
}
