using System.Buffers;
using System.Text;
using System.Text.Json;

namespace LambdaSuite.Runtime;

/// <summary>
/// Writes one JSON object per line (Lambda's JSON log format): timestamp, level, requestId, message, then the
/// caller's fields and, for an exception, errorType, errorMessage and stackTrace. Built on
/// <see cref="Utf8JsonWriter"/> so it stays reflection-free under Native AOT.
/// </summary>
public sealed class JsonLambdaLogger : ILambdaLogger
{
    public const string LogLevelEnvironmentVariable = "AWS_LAMBDA_LOG_LEVEL";

    private readonly Stream _output;
    private readonly TimeProvider _timeProvider;
    private readonly string? _requestId;
    private readonly string? _traceId;

    // Shared by every per-request logger over the same stream so concurrent lines never interleave.
    private readonly Lock _gate;

    public JsonLambdaLogger(Stream output, LambdaLogLevel minimumLevel, TimeProvider timeProvider)
        : this(output, minimumLevel, timeProvider, requestId: null, traceId: null, new Lock())
    {
    }

    private JsonLambdaLogger(Stream output, LambdaLogLevel minimumLevel, TimeProvider timeProvider, string? requestId, string? traceId, Lock gate)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _output = output;
        MinimumLevel = minimumLevel;
        _timeProvider = timeProvider;
        _requestId = requestId;
        _traceId = traceId;
        _gate = gate;
    }

    public LambdaLogLevel MinimumLevel { get; }

    /// <summary>A logger on standard output whose minimum level comes from <c>AWS_LAMBDA_LOG_LEVEL</c>.</summary>
    public static JsonLambdaLogger FromEnvironment(Func<string, string?> environment, Stream? output = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new JsonLambdaLogger(output ?? Console.OpenStandardOutput(), ParseLevel(environment(LogLevelEnvironmentVariable)), TimeProvider.System);
    }

    /// <summary>
    /// Maps Lambda's level names (TRACE, DEBUG, INFO, WARN, ERROR, FATAL) and .NET's names to a level;
    /// anything else means INFO, Lambda's default.
    /// </summary>
    public static LambdaLogLevel ParseLevel(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LambdaLogLevel.Trace,
        "DEBUG" => LambdaLogLevel.Debug,
        "WARN" or "WARNING" => LambdaLogLevel.Warning,
        "ERROR" => LambdaLogLevel.Error,
        "FATAL" or "CRITICAL" => LambdaLogLevel.Critical,
        _ => LambdaLogLevel.Information,
    };

    public static string LevelName(LambdaLogLevel level) => level switch
    {
        LambdaLogLevel.Trace => "TRACE",
        LambdaLogLevel.Debug => "DEBUG",
        LambdaLogLevel.Information => "INFO",
        LambdaLogLevel.Warning => "WARN",
        LambdaLogLevel.Error => "ERROR",
        LambdaLogLevel.Critical => "FATAL",
        _ => level.ToString(),
    };

    /// <summary>A logger for one invocation: same output and level, every line tagged with its request and trace ids.</summary>
    public JsonLambdaLogger ForInvocation(string requestId, string? traceId) =>
        new(_output, MinimumLevel, _timeProvider, requestId, traceId, _gate);

    public bool IsEnabled(LambdaLogLevel level) => level >= MinimumLevel;

    public void Log(LambdaLogLevel level, string message, IReadOnlyList<KeyValuePair<string, string?>>? fields = null, Exception? exception = null)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, RuntimeJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", _timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("level", LevelName(level));
            WriteOptional(writer, "requestId", _requestId);
            WriteOptional(writer, "traceId", _traceId);
            writer.WriteString("message", message);
            if (fields is { Count: > 0 })
            {
                writer.WriteStartObject("fields");
                foreach (var (key, value) in fields)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            if (exception is not null)
            {
                var error = LambdaError.FromException(exception);
                writer.WriteString("errorType", error.ErrorType);
                writer.WriteString("errorMessage", error.ErrorMessage);
                writer.WriteStartArray("stackTrace");
                foreach (var frame in error.StackTrace)
                {
                    writer.WriteStringValue(frame);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        WriteLine(buffer.WrittenSpan);
    }

    public void WriteJsonLine(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        WriteLine(Encoding.UTF8.GetBytes(json.TrimEnd('\r', '\n') + "\n"));
    }

    /// <summary>Writes a whole line, newline included, in one call so the line reaches stdout in one write.</summary>
    private void WriteLine(ReadOnlySpan<byte> utf8Line)
    {
        lock (_gate)
        {
            _output.Write(utf8Line);
            _output.Flush();
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
