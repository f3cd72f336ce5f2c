using System.Buffers;
using System.Text.Json;

namespace LambdaSuite.Runtime;

/// <summary>
/// The error document the Runtime API accepts on <c>invocation/{id}/error</c> and <c>init/error</c>:
/// <c>{"errorMessage":..., "errorType":..., "stackTrace":[...]}</c>. Written with <see cref="Utf8JsonWriter"/>
/// so it needs no serializer metadata.
/// </summary>
public sealed record LambdaError(string ErrorMessage, string ErrorType, IReadOnlyList<string> StackTrace)
{
    public static LambdaError FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        // A task that faulted with one exception surfaces as AggregateException from some call sites;
        // the inner one is what the handler actually threw.
        var reported = exception is AggregateException { InnerExceptions.Count: 1 } aggregate
            ? aggregate.InnerExceptions[0]
            : exception;
        // A trimmed build's framework messages are resource keys: the caller reads a sentence instead.
        return new LambdaError(ErrorText.Of(reported), reported.GetType().Name, SplitStackTrace(reported.StackTrace));
    }

    public byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, RuntimeJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", ErrorMessage);
            writer.WriteString("errorType", ErrorType);
            writer.WriteStartArray("stackTrace");
            foreach (var frame in StackTrace)
            {
                writer.WriteStringValue(frame);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads an error document back (local Runtime API, CLI output); missing members become empty.</summary>
    public static LambdaError Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new LambdaError("", "", []);
        }

        var frames = new List<string>();
        if (root.TryGetProperty("stackTrace", out var stack) && stack.ValueKind == JsonValueKind.Array)
        {
            foreach (var frame in stack.EnumerateArray())
            {
                frames.Add(frame.ValueKind == JsonValueKind.String ? frame.GetString() ?? "" : frame.GetRawText());
            }
        }

        return new LambdaError(ReadString(root, "errorMessage"), ReadString(root, "errorType"), frames);
    }

    internal static IReadOnlyList<string> SplitStackTrace(string? stackTrace) =>
        string.IsNullOrEmpty(stackTrace)
            ? []
            : stackTrace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
