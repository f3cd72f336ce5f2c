using LambdaSuite.Runtime;

namespace LambdaSuite.TestKit.Runtime;

/// <summary>Keeps every log line so tests can assert what a handler reported.</summary>
public sealed class RecordingLambdaLogger : ILambdaLogger
{
    private readonly List<LoggedLine> _lines = [];

    public IReadOnlyList<LoggedLine> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Log(LambdaLogLevel level, string message, IReadOnlyList<KeyValuePair<string, string?>>? fields = null, Exception? exception = null)
    {
        lock (_lines)
        {
            _lines.Add(new LoggedLine(level, message, fields?.ToDictionary(p => p.Key, p => p.Value) ?? new Dictionary<string, string?>(), exception));
        }
    }

    public void WriteJsonLine(string json)
    {
        lock (_lines)
        {
            _lines.Add(new LoggedLine(LambdaLogLevel.Information, json, new Dictionary<string, string?>(), null));
        }
    }
}

public sealed record LoggedLine(LambdaLogLevel Level, string Message, IReadOnlyDictionary<string, string?> Fields, Exception? Exception);
