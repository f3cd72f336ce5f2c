using LambdaSuite.Runtime;

namespace IotRegistry.Tests.Support;

/// <summary>An invocation context whose logger keeps every line, so tests can check what was (not) logged.</summary>
public sealed class RecordingLambdaContext : ILambdaContext, ILambdaLogger
{
    public List<string> Lines { get; } = [];

    public string AwsRequestId => "test-request";
    public string FunctionName => "IotRegistry";
    public string FunctionVersion => "$LATEST";
    public string InvokedFunctionArn => "arn:aws:lambda:us-east-1:123456789012:function:IotRegistry";
    public int MemoryLimitInMB => 256;
    public string LogGroupName => "/aws/lambda/IotRegistry";
    public string LogStreamName => "test";
    public string? TraceId => null;
    public DateTimeOffset Deadline => DateTimeOffset.UtcNow.AddMinutes(1);
    public TimeSpan RemainingTime => TimeSpan.FromMinutes(1);
    public CancellationToken CancellationToken => CancellationToken.None;
    public ILambdaLogger Logger => this;

    public void Log(LambdaLogLevel level, string message, IReadOnlyList<KeyValuePair<string, string?>>? fields = null, Exception? exception = null)
    {
        var text = $"{level} {message}";
        if (fields is not null)
        {
            text += " " + string.Join(' ', fields.Select(f => $"{f.Key}={f.Value}"));
        }

        lock (Lines)
        {
            Lines.Add(exception is null ? text : text + " " + exception);
        }
    }

    public void WriteJsonLine(string json)
    {
        lock (Lines)
        {
            Lines.Add(json);
        }
    }
}
