using Fanout.Records;

namespace Fanout.Kpl;

/// <summary>
/// What <see cref="KplAggregate.Deaggregate"/> needs per aggregate, kept across the aggregates of a batch: the key
/// tables and pending records (three lists per aggregate otherwise, 200 aggregates a batch), and one string per
/// distinct key. Every aggregate repeats its key table, so 10,000 user records under 100 device keys made 10,000
/// key strings; here <see cref="RepeatedStringCache"/> gives back the string already made. A miss (a new key, a
/// collision, a key that is not ASCII) makes the string as before, so the result is always the same text.
/// Not thread-safe: one per deaggregating thread.
/// </summary>
internal sealed class KplScratch
{
    private readonly RepeatedStringCache _strings = new();

    public List<string> Keys { get; } = [];

    public List<string> HashKeys { get; } = [];

    public List<(ulong Key, ulong? HashKey, int Offset, int Length)> Pending { get; } = [];

    /// <summary>Empties the lists for the next aggregate (the key strings stay).</summary>
    public void Clear()
    {
        Keys.Clear();
        HashKeys.Clear();
        Pending.Clear();
    }

    /// <summary>The UTF-8 <paramref name="bytes"/> as a string, the same string for the same ASCII bytes.</summary>
    public string KeyOf(ReadOnlySpan<byte> bytes) => _strings.Of(bytes);
}
