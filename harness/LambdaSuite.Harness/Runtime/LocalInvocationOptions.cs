namespace LambdaSuite.Harness.Runtime;

/// <summary>How <see cref="LocalRuntimeApi"/> describes one queued event to the runtime.</summary>
/// <param name="Timeout">The function timeout; the deadline header is computed when the runtime picks the event up.</param>
/// <param name="TraceId">The X-Ray header to send; null generates an unsampled one, as Lambda always sends one.</param>
public sealed record LocalInvocationOptions(
    TimeSpan Timeout,
    string? TraceId = null,
    string InvokedFunctionArn = LocalInvocationOptions.DefaultFunctionArn,
    string? ClientContext = null,
    string? CognitoIdentity = null)
{
    public const string DefaultFunctionArn = "arn:aws:lambda:us-east-1:000000000000:function:local";

    public static LocalInvocationOptions Default { get; } = new(TimeSpan.FromSeconds(30));
}
