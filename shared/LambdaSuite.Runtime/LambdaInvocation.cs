namespace LambdaSuite.Runtime;

/// <summary>One event handed out by <c>invocation/next</c>, with the metadata its response headers carried.</summary>
public sealed class LambdaInvocation
{
    public LambdaInvocation(string requestId, byte[] eventJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentNullException.ThrowIfNull(eventJson);
        RequestId = requestId;
        EventJson = eventJson;
    }

    public string RequestId { get; }

    public byte[] EventJson { get; }

    /// <summary>Unix epoch milliseconds when Lambda stops the invocation; null when the header was absent or invalid.</summary>
    public long? DeadlineMs { get; init; }

    public string InvokedFunctionArn { get; init; } = "";

    public string? TraceId { get; init; }

    public string? ClientContext { get; init; }

    public string? CognitoIdentity { get; init; }
}
