namespace LambdaSuite.Runtime;

/// <summary>
/// What the runtime knows about the current invocation. Member names follow Amazon.Lambda.Core's
/// ILambdaContext (absent from the registry here) so the official package can replace this one.
/// </summary>
public interface ILambdaContext
{
    string AwsRequestId { get; }
    string FunctionName { get; }
    string FunctionVersion { get; }
    string InvokedFunctionArn { get; }
    int MemoryLimitInMB { get; }
    string LogGroupName { get; }
    string LogStreamName { get; }

    /// <summary>X-Ray trace header of this invocation (<c>Lambda-Runtime-Trace-Id</c>), if any.</summary>
    string? TraceId { get; }

    /// <summary>When Lambda stops the invocation (<c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>Time left until <see cref="Deadline"/>, never negative.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>Cancelled shortly before <see cref="Deadline"/> so work can stop and report cleanly.</summary>
    CancellationToken CancellationToken { get; }

    ILambdaLogger Logger { get; }
}
