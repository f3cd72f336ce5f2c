using LambdaSuite.Runtime;

namespace LambdaSuite.TestKit.Runtime;

/// <summary>An invocation context for calling a handler in-process; its logger records every line.</summary>
public sealed class TestLambdaContext : ILambdaContext
{
    public string AwsRequestId { get; init; } = Guid.NewGuid().ToString();

    public string FunctionName { get; init; } = "test-function";

    public string FunctionVersion { get; init; } = "$LATEST";

    public string InvokedFunctionArn { get; init; } = "arn:aws:lambda:us-east-1:123456789012:function:test-function";

    public int MemoryLimitInMB { get; init; } = 256;

    public string LogGroupName { get; init; } = "/aws/lambda/test-function";

    public string LogStreamName { get; init; } = "test";

    public string? TraceId { get; init; }

    public DateTimeOffset Deadline { get; init; } = DateTimeOffset.UtcNow.AddMinutes(1);

    public TimeSpan RemainingTime => Deadline - DateTimeOffset.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    public CancellationToken CancellationToken { get; init; } = CancellationToken.None;

    public RecordingLambdaLogger Logger { get; } = new();

    ILambdaLogger ILambdaContext.Logger => Logger;
}
