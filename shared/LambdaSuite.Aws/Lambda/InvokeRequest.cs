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
