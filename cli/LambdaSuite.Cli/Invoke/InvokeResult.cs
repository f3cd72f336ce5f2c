using LambdaSuite.Runtime;

namespace LambdaSuite.Cli.Invoke;

/// <summary>How one invocation ended, as <c>invoke</c> prints it.</summary>
public sealed record InvokeResult(
    InvokeStatus Status,
    string RequestId,
    byte[]? Response,
    LambdaError? Error,
    int? ExitCode,
    TimeSpan Duration)
{
    public bool Succeeded => Status == InvokeStatus.Succeeded;
}
