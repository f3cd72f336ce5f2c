using System.Collections;
using System.Text;

namespace Fanout.Records;

/// <summary>
/// The sequence number of each event record of a batch, by parent index. A Kinesis event's are kept as ranges of the
/// event's bytes and become strings only when asked for (a batch item failure, an idempotency key, a log line): an
/// invocation that delivers everything to Kinesis names none of them, and 10,000 strings were a quarter of what it
/// allocated. The event's bytes must stay unchanged while the list is in use (the batch's records need them too).
/// </summary>
internal sealed class SequenceNumberList : IReadOnlyList<string>
{
    private readonly ReadOnlyMemory<byte> _event;
    private readonly Range[]? _ranges;
    private string?[]? _texts;

    /// <summary>Sequence numbers already made strings (DynamoDB Streams readers).</summary>
    public SequenceNumberList(string[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        _texts = texts;
        Length = texts.Length;
    }

    /// <param name="eventJson">The event the ranges point into.</param>
    /// <param name="ranges">Each sequence number's ASCII bytes in <paramref name="eventJson"/>, unless <paramref name="texts"/> holds it.</param>
    /// <param name="texts">Sequence numbers read as strings up front (escaped or not ASCII in the event), or null when none is.</param>
    /// <param name="length">How many there are (the arrays may be longer).</param>
    public SequenceNumberList(ReadOnlyMemory<byte> eventJson, Range[] ranges, string?[]? texts, int length)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, ranges.Length);
        _event = eventJson;
        _ranges = ranges;
        _texts = texts;
        Length = length;
    }

    public static implicit operator SequenceNumberList(string[] texts) => new(texts);

    public int Length { get; }

    public int Count => Length;

    /// <summary>The sequence number of event record <paramref name="index"/>, made a string once and kept.</summary>
    public string this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Length, nameof(index));
            if (_texts?[index] is { } text)
            {
                return text;
            }

            // Only a Kinesis list has no string here: its ranges hold ASCII (checked when read), so this is exact.
            // Targets run side by side: the first to ask sets the cache; a string made twice is equal either way.
            var texts = _texts ?? Interlocked.CompareExchange(ref _texts, new string?[_ranges!.Length], null) ?? _texts!;
            return texts[index] = Encoding.ASCII.GetString(_event.Span[_ranges![index]]);
        }
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
