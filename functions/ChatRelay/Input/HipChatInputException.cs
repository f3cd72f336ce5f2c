namespace ChatRelay.Input;

/// <summary>A request body the relay refuses; <see cref="Exception.Message"/> is the sentence the caller reads (it never quotes the body).</summary>
internal sealed class HipChatInputException : Exception
{
    public HipChatInputException()
    {
    }

    public HipChatInputException(string message)
        : base(message)
    {
    }

    public HipChatInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status: 400 for a bad body, 415 for a content type the relay does not read.</summary>
    public int StatusCode { get; init; } = 400;
}
