using System.Text;
using System.Text.Json;

namespace Fanout.Records;

/// <summary>
/// Strings for values that repeat across the records of one event: every record names its source ARN, and records
/// often share a partition key (a device, a tenant). One string per distinct value instead of one per record saves a
/// UTF-8 transcoding and ~100-160 bytes a record. A small direct-mapped table keyed by a hash of the bytes; a miss
/// (unique keys, a collision, a value that is not ASCII or is escaped) reads the string as before, so the result is
/// always what <see cref="Utf8JsonReader.GetString"/> gives, errors included.
/// </summary>
internal sealed class RepeatedStringCache
{
    private const int Slots = 256;
    private readonly string?[] _strings = new string?[Slots];

    /// <summary>The current token as <see cref="Utf8JsonReader.GetString"/> reads it (null for a JSON null).</summary>
    public string? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString();
        }

        var bytes = reader.ValueSpan;
        var slot = SlotOf(bytes);
        return Cached(slot, bytes) ?? Remember(slot, bytes, reader.GetString()!);
    }

    /// <summary>The UTF-8 <paramref name="bytes"/> as a string (as <see cref="Encoding.UTF8"/> decodes them), the same string for the same ASCII bytes.</summary>
    public string Of(ReadOnlySpan<byte> bytes)
    {
        var slot = SlotOf(bytes);
        return Cached(slot, bytes) ?? Remember(slot, bytes, Encoding.UTF8.GetString(bytes));
    }

    private static int SlotOf(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return (int)((uint)hash.ToHashCode() % Slots);
    }

    // ASCII bytes equal to a cached string are that string's characters: what either decoding would make of them.
    private string? Cached(int slot, ReadOnlySpan<byte> bytes) =>
        _strings[slot] is { } cached && Ascii.Equals(bytes, cached) ? cached : null;

    private string Remember(int slot, ReadOnlySpan<byte> bytes, string text)
    {
        if (Ascii.IsValid(bytes))
        {
            _strings[slot] = text;
        }

        return text;
    }
}
