using System.Buffers;
using System.Text.Json;

namespace LambdaSuite.Aws.Sqs;

/// <summary>
/// Quotes and escapes an ASCII JSON string value to exactly the bytes <see cref="Utf8JsonWriter"/> writes for it with
/// its default encoder, a run at a time. The writer escapes one byte per loop turn from the first byte that needs it
/// on, which made escaping the largest single cost of a SendMessageBatch call (14% of the SQS bench's CPU: a JSON
/// record's quotes each become <c>\u0022</c>). The escaped form of each ASCII byte is taken from the writer itself
/// once, so the two cannot disagree; a value with any byte above 0x7F is left to the writer (<see cref="TryQuote"/>
/// is false), whose non-ASCII escaping is not repeated here.
/// </summary>
public static class JsonAsciiEscaper
{
    private static readonly byte[]?[] s_forms = WriterForms();
    private static readonly SearchValues<byte> s_special = SearchValues.Create(SpecialBytes(s_forms));

    /// <summary>Most bytes <see cref="TryQuote"/> can write for <paramref name="length"/> value bytes (quotes included).</summary>
    public static int MaxQuotedLength(int length) => checked((length * 6) + 2);

    /// <summary>
    /// Writes <paramref name="value"/> quoted and escaped into <paramref name="destination"/> (at least
    /// <see cref="MaxQuotedLength"/> long); false, with nothing promised about <paramref name="destination"/>, when
    /// the value is not all ASCII.
    /// </summary>
    public static bool TryQuote(ReadOnlySpan<byte> value, Span<byte> destination, out int written)
    {
        written = 0;
        destination[written++] = (byte)'"';
        while (true)
        {
            var next = value.IndexOfAny(s_special);
            var run = next < 0 ? value : value[..next];
            run.CopyTo(destination[written..]);
            written += run.Length;
            if (next < 0)
            {
                break;
            }

            if (s_forms[value[next]] is not { } form)
            {
                // Above 0x7F: the writer's own escaping applies.
                return false;
            }

            form.CopyTo(destination[written..]);
            written += form.Length;
            value = value[(next + 1)..];
        }

        destination[written++] = (byte)'"';
        return true;
    }

    /// <summary>The writer's escaped form of each ASCII byte, or null where it writes the byte as is (and for 0x80 up).</summary>
    private static byte[]?[] WriterForms()
    {
        var forms = new byte[]?[256];
        var buffer = new ArrayBufferWriter<byte>(16);
        Span<byte> one = stackalloc byte[1];
        // One writer, reset per byte: this runs once, on the first body written (a cold start pays it).
        using var writer = new Utf8JsonWriter(buffer);
        for (var b = 0; b < 0x80; b++)
        {
            buffer.ResetWrittenCount();
            writer.Reset();
            one[0] = (byte)b;
            writer.WriteStringValue(one);
            writer.Flush();

            // The written value is the quoted form: drop the quotes.
            var escaped = buffer.WrittenSpan[1..^1];
            if (escaped.Length != 1 || escaped[0] != b)
            {
                forms[b] = escaped.ToArray();
            }
        }

        return forms;
    }

    private static byte[] SpecialBytes(byte[]?[] forms)
    {
        var special = new List<byte>();
        for (var b = 0; b < 256; b++)
        {
            if (b >= 0x80 || forms[b] is not null)
            {
                special.Add((byte)b);
            }
        }

        return [.. special];
    }
}
