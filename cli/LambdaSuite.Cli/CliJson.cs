using System.Buffers;
using System.Text;
using System.Text.Json;

namespace LambdaSuite.Cli;

/// <summary>Small helpers for the CLI's <c>--json</c> outputs, written with <see cref="Utf8JsonWriter"/> (no reflection).</summary>
public static class CliJson
{
    private static readonly JsonWriterOptions s_indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, s_indented))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a function's payload as JSON when it is JSON, else as a string, so nothing is dropped.</summary>
    public static void WritePayload(Utf8JsonWriter writer, string name, byte[] payload)
    {
        if (IsJson(payload))
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(payload, skipInputValidation: true);
        }
        else
        {
            writer.WriteString(name, Encoding.UTF8.GetString(payload));
        }
    }

    public static bool IsJson(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
