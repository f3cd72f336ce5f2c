namespace LambdaSuite.Runtime;

/// <summary>
/// Structured JSON log lines on stdout, each carrying the request id, as Lambda's advanced logging
/// controls expect. Fields are strings so the writer needs no reflection.
/// </summary>
public interface ILambdaLogger
{
    void Log(LambdaLogLevel level, string message, IReadOnlyList<KeyValuePair<string, string?>>? fields = null, Exception? exception = null);

    /// <summary>Writes one already-serialized JSON object as its own line (CloudWatch Embedded Metric Format).</summary>
    void WriteJsonLine(string json);
}
