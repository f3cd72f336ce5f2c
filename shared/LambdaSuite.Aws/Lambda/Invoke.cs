// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.Lambda;

public sealed record InvokeRequest
{
    /// <summary>Name, partial ARN or full ARN, optionally with a ":qualifier" suffix.</summary>
    public required string FunctionName { get; init; }

    /// <summary>One of <see cref="Lambda.InvocationType"/>'s values; the service's default is RequestResponse.</summary>
    public string? InvocationType { get; init; }

    /// <summary>"Tail" to get the last 4 KiB of log in a synchronous answer.</summary>
    public string? LogType { get; init; }

    /// <summary>Base64-encoded JSON client context (synchronous invocations only).</summary>
    public string? ClientContext { get; init; }

    public ReadOnlyMemory<byte> Payload { get; init; }

    public string? Qualifier { get; init; }
}

/// <summary>Values of the <c>X-Amz-Invocation-Type</c> header.</summary>
public static class InvocationType
{
    public const string RequestResponse = "RequestResponse";

    /// <summary>Asynchronous: Lambda queues the event and answers 202.</summary>
    public const string Event = "Event";

    public const string DryRun = "DryRun";
}

public sealed record InvokeResponse
{
    /// <summary>200 for RequestResponse, 202 for Event, 204 for DryRun.</summary>
    public int StatusCode { get; init; }

    /// <summary>Set when the function itself failed (the HTTP status is still 200).</summary>
    public string? FunctionError { get; init; }

    public string? LogResult { get; init; }

    public ReadOnlyMemory<byte> Payload { get; init; }

    public string? ExecutedVersion { get; init; }
}
