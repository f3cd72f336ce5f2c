using System.Buffers;
using System.Globalization;
using System.Text.Json;
using LambdaSuite.Runtime;

namespace LambdaProbe;

/// <summary>
/// Echoes the event together with what the host handed the handler (request id, deadline, ARN, trace id and
/// the trace environment variable), so process tests can check the whole path from Runtime API headers to code.
/// </summary>
public sealed class ProbeFunction : ILambdaFunction
{
    public const string FailInitVariable = "PROBE_FAIL_INIT";

    private readonly string _startedBy;

    private ProbeFunction(string startedBy) => _startedBy = startedBy;

    public static ProbeFunction Create(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(FailInitVariable) == "1")
        {
            throw new InvalidOperationException($"{FailInitVariable}=1: the probe refuses to start.");
        }

        return new ProbeFunction(environment("AWS_LAMBDA_FUNCTION_NAME") ?? "probe");
    }

    public Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var document = ParseEvent(eventJson);
        if (document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("fail", out var fail)
            && fail.ValueKind == JsonValueKind.True)
        {
            throw new ProbeFailureException("The event asked the probe to fail.");
        }

        var buffer = new ArrayBufferWriter<byte>(256 + eventJson.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("event");
            document.RootElement.WriteTo(writer);
            writer.WriteString("function", _startedBy);
            writer.WriteString("requestId", context.AwsRequestId);
            writer.WriteNumber("deadlineMs", context.Deadline.ToUnixTimeMilliseconds());
            writer.WriteString("invokedFunctionArn", context.InvokedFunctionArn);
            writer.WriteString("traceId", context.TraceId);
            writer.WriteString("traceEnvironment", Environment.GetEnvironmentVariable(RuntimeApiHeaders.TraceIdEnvironmentVariable));
            writer.WriteString("remaining", context.RemainingTime.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture));
            writer.WriteNumber("processId", Environment.ProcessId);
            writer.WriteEndObject();
        }

        return Task.FromResult(buffer.WrittenSpan.ToArray());
    }

    private static JsonDocument ParseEvent(ReadOnlyMemory<byte> eventJson)
    {
        try
        {
            return JsonDocument.Parse(eventJson);
        }
        catch (JsonException ex)
        {
            throw new LambdaEventException($"The event is not JSON: {ex.Message}", ex);
        }
    }
}
