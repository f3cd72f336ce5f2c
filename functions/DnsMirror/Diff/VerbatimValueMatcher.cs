using System.Buffers;
using System.Text;
using DnsMirror.Wire;
using DnsMirror.Zone;

namespace DnsMirror.Diff;

/// <summary>
/// Tells whether a hosted zone lists a source set's values in exactly the text DnsMirror would write (what it
/// wrote comes back verbatim), formatting each RR into one reused buffer instead of a string per value. Only
/// a yes is final: a no may still be the same values spelled another way, which the caller then checks.
/// </summary>
internal sealed class VerbatimValueMatcher
{
    // Past this many RRs a set takes the caller's path, which indexes its keys; such sets are rare.
    private const int MaxRecords = 64;

    // Route 53 text differs from presentation text only in escapes (octal, not decimal): with a backslash the
    // listing's text is not the formatted text. Upper case makes an RR's key differ from its text, so two RRs
    // of one set could be duplicates (one value) without equal text.
    private static readonly SearchValues<char> s_notVerbatimInSet = SearchValues.Create("\\ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private readonly StringBuilder _builder = new(256);
    private char[] _text = new char[256];

    public bool ListedVerbatim(SourceRecordSet source, IReadOnlyList<string> listed)
    {
        var count = source.TransferredCount;
        if (listed.Count != count || count > MaxRecords)
        {
            return false;
        }

        if (count == 1)
        {
            // One RR is one value whatever its case: only escapes stand between its text and Route 53's.
            var text = Format(source.TransferredAt(0));
            return !text.Contains('\\') && text.SequenceEqual(listed[0]);
        }

        // Each RR must find its own listed value: then the RRs are distinct and the listing holds nothing else.
        Span<bool> found = stackalloc bool[count];
        for (var i = 0; i < count; i++)
        {
            var text = Format(source.TransferredAt(i));
            var at = text.ContainsAny(s_notVerbatimInSet) ? -1 : IndexOf(listed, text);
            if (at < 0 || found[at])
            {
                return false;
            }

            found[at] = true;
        }

        return true;
    }

    /// <summary>The RR's presentation text, valid until the next call.</summary>
    private ReadOnlySpan<char> Format(DnsResourceRecord record)
    {
        _builder.Clear();
        RDataFormatter.Append(_builder, record.Type, record.Data);
        if (_text.Length < _builder.Length)
        {
            _text = new char[_builder.Length];
        }

        _builder.CopyTo(0, _text.AsSpan(), _builder.Length);
        return _text.AsSpan(0, _builder.Length);
    }

    private static int IndexOf(IReadOnlyList<string> values, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (text.SequenceEqual(values[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
