using System.Buffers;
using System.Globalization;
using System.Text;

namespace Fanout.Targets;

/// <summary>RESP requests: every command is an array of bulk strings (<c>*N\r\n</c>, then <c>$len\r\nbytes\r\n</c> per argument).</summary>
internal static class RedisCommand
{
    /// <summary>A RESP array of bulk strings.</summary>
    public static void Write(ArrayBufferWriter<byte> output, params ReadOnlySpan<byte[]> arguments)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteHeader(output, (byte)'*', arguments.Length);
        foreach (var argument in arguments)
        {
            WriteBulk(output, argument);
        }
    }

    /// <summary><c>SET key value [EX ttl]</c>.</summary>
    public static void WriteSet(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, int ttlSeconds)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteHeader(output, (byte)'*', ttlSeconds > 0 ? 5 : 3);
        WriteBulk(output, "SET"u8);
        WriteBulk(output, key);
        WriteBulk(output, value);
        if (ttlSeconds > 0)
        {
            WriteBulk(output, "EX"u8);
            WriteBulk(output, Encoding.ASCII.GetBytes(ttlSeconds.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary><c>ASKING</c>: the next command on this connection may touch a slot this node is importing.</summary>
    public static void WriteAsking(ArrayBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteHeader(output, (byte)'*', 1);
        WriteBulk(output, "ASKING"u8);
    }

    private static void WriteBulk(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> value)
    {
        WriteHeader(output, (byte)'$', value.Length);
        output.Write(value);
        output.Write("\r\n"u8);
    }

    private static void WriteHeader(ArrayBufferWriter<byte> output, byte kind, int number)
    {
        var span = output.GetSpan(16);
        span[0] = kind;
        number.TryFormat(span[1..], out var written, provider: CultureInfo.InvariantCulture);
        span[1 + written] = (byte)'\r';
        span[2 + written] = (byte)'\n';
        output.Advance(3 + written);
    }
}
