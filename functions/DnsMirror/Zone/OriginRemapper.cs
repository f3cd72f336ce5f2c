using System.Buffers;
using System.Text;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.Zone;

/// <summary>
/// Mirrors zone A (the primary's origin) into a hosted zone for name B: every name at or below A, the owners and the
/// names inside RDATA (NS, CNAME, DNAME, PTR, MX exchange, SRV target, SOA mname and rname, NAPTR replacement,
/// SVCB/HTTPS target), gets A's labels replaced by B's; names outside A stay as they are. A pure function of the
/// records, applied once right after a transfer (full or incremental), so the differ, the planner and any stored state
/// see the zone as it is mirrored. Labels compare case-insensitively (RFC 4343) octet by octet on the wire, so escaped
/// dots and other escapes are never mistaken for label boundaries and come back spelled as the transfer spelled them.
/// </summary>
internal sealed class OriginRemapper
{
    private readonly byte[] _fromWire;
    private readonly byte[] _toWire;

    private OriginRemapper(string from, string to, byte[] fromWire, byte[] toWire)
    {
        From = from;
        To = to;
        _fromWire = fromWire;
        _toWire = toWire;
    }

    /// <summary>The primary's zone, absolute and lower case.</summary>
    public string From { get; }

    /// <summary>The hosted zone's name, absolute and lower case.</summary>
    public string To { get; }

    /// <summary>
    /// A remapper from <paramref name="from"/> to <paramref name="to"/>, or null with a sentence saying what is wrong
    /// with <paramref name="to"/>: not a domain name of letters, digits, hyphens and underscores, the same zone, or a name
    /// inside the source zone (whose mirrored names would themselves belong to the source).
    /// </summary>
    public static OriginRemapper? TryCreate(string from, string to, out string? error)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var source = Absolute(from);
        var target = Absolute(to);
        Span<byte> wire = stackalloc byte[DnsWireReader.MaxNameLength];
        if (!DomainNameText.TryParse(source, wire, out var written))
        {
            error = $"the zone '{from}' is not a domain name.";
            return null;
        }

        var fromWire = wire[..written].ToArray();
        if (target == "." || !IsHostLike(target) || !DomainNameText.TryParse(target, wire, out written))
        {
            error = $"MirrorAs '{to}' is not a domain name: use labels of letters, digits, hyphens and underscores (1-63 each, no leading or trailing hyphen), e.g. corp.aws.internal.";
            return null;
        }

        if (target == source)
        {
            error = $"MirrorAs '{to}' is the zone itself: leave MirrorAs out to mirror the zone under its own name.";
            return null;
        }

        if (DomainNameText.IsAtOrBelow(target, source))
        {
            error = $"MirrorAs '{to}' lies inside the zone {source} it mirrors: the mirrored names would belong to the source zone too. Choose a name outside it, e.g. a sibling or a parent's other child.";
            return null;
        }

        error = null;
        return new OriginRemapper(source, target, fromWire, wire[..written].ToArray());
    }

    /// <summary>The snapshot as mirrored: origin B, every record remapped.</summary>
    public ZoneSnapshot Apply(ZoneSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot with { Origin = To, Records = Remap(snapshot.Records) };
    }

    /// <summary>Every record remapped, in order (the IXFR deltas' records go through here too).</summary>
    public IReadOnlyList<DnsResourceRecord> Remap(IReadOnlyList<DnsResourceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var result = new DnsResourceRecord[records.Count];
        // A transfer hands out one owner string per run of an owner: keep one remapped string per run too, so the
        // grouper's same-reference shortcut still holds after the remapping.
        string? lastIn = null, lastOut = null;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var name = ReferenceEquals(record.Name, lastIn) ? lastOut! : RemapName(record);
            (lastIn, lastOut) = (record.Name, name);
            var data = RemapData(record);
            result[i] = ReferenceEquals(name, record.Name) && ReferenceEquals(data, record.Data)
                ? record
                : new DnsResourceRecord(name, record.Type, record.Class, record.Ttl, data);
        }

        return result;
    }

    /// <summary>One record remapped; the same instance when nothing in it lies in the source zone.</summary>
    public DnsResourceRecord Remap(DnsResourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var name = RemapName(record);
        var data = RemapData(record);
        return ReferenceEquals(name, record.Name) && ReferenceEquals(data, record.Data)
            ? record
            : new DnsResourceRecord(name, record.Type, record.Class, record.Ttl, data);
    }

    private string RemapName(DnsResourceRecord record)
    {
        Span<byte> wire = stackalloc byte[DnsWireReader.MaxNameLength];
        if (!DomainNameText.TryParse(record.Name, wire, out var written))
        {
            return record.Name;
        }

        Span<byte> mapped = stackalloc byte[DnsWireReader.MaxNameLength];
        return TryRemapWire(wire[..written], mapped, out var length, record) ? DomainNameText.Format(mapped[..length]) : record.Name;
    }

    /// <summary>The RDATA with its in-zone names remapped; the same array when none is.</summary>
    private byte[] RemapData(DnsResourceRecord record) => record.Type switch
    {
        // RFC 1035 §3.3.1, §3.3.11, §3.3.12; RFC 6672 §2.1.
        DnsRecordType.NS or DnsRecordType.CNAME or DnsRecordType.PTR or DnsRecordType.DNAME => RemapNamesAt(record, 0, 1),
        // RFC 1035 §3.3.9: PREFERENCE, EXCHANGE.
        DnsRecordType.MX => RemapNamesAt(record, 2, 1),
        // RFC 2782: PRIORITY, WEIGHT, PORT, TARGET.
        DnsRecordType.SRV => RemapNamesAt(record, 6, 1),
        // RFC 1035 §3.3.13: MNAME, RNAME, then the five counters.
        DnsRecordType.SOA => RemapNamesAt(record, 0, 2),
        // RFC 9460 §2.2: SvcPriority, TargetName, SvcParams.
        DnsRecordType.SVCB or DnsRecordType.HTTPS => RemapNamesAt(record, 2, 1),
        // RFC 3403 §4.1: ORDER, PREFERENCE, FLAGS, SERVICES, REGEXP, REPLACEMENT.
        DnsRecordType.NAPTR => RemapNamesAt(record, NaptrReplacementOffset(record.Data), 1),
        _ => record.Data,
    };

    private byte[] RemapNamesAt(DnsResourceRecord record, int offset, int names)
    {
        var data = record.Data;
        if (offset < 0 || offset > data.Length)
        {
            return data;
        }

        var reader = new DnsWireReader(data, offset);
        Span<byte> name = stackalloc byte[DnsWireReader.MaxNameLength];
        Span<byte> mapped = stackalloc byte[DnsWireReader.MaxNameLength];
        ArrayBufferWriter<byte>? output = null;
        var copied = 0;
        for (var i = 0; i < names; i++)
        {
            var start = reader.Position;
            if (!reader.TryReadName(name, out var written, allowCompression: false))
            {
                return data;
            }

            if (!TryRemapWire(name[..written], mapped, out var length, record))
            {
                continue;
            }

            output ??= new ArrayBufferWriter<byte>(data.Length + (names * _toWire.Length));
            output.Write(data.AsSpan(copied, start - copied));
            output.Write(mapped[..length]);
            copied = reader.Position;
        }

        if (output is null)
        {
            return data;
        }

        output.Write(data.AsSpan(copied));
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Replaces the source origin at the end of <paramref name="name"/> (wire form) with the target's. False when the
    /// name is not at or below the source zone. A result over 255 octets fails the zone: a mirrored name cannot be
    /// shortened without changing what it means.
    /// </summary>
    private bool TryRemapWire(ReadOnlySpan<byte> name, Span<byte> destination, out int written, DnsResourceRecord record)
    {
        written = 0;
        var suffix = SuffixStart(name);
        if (suffix < 0)
        {
            return false;
        }

        written = suffix + _toWire.Length;
        if (written > DnsWireReader.MaxNameLength)
        {
            throw new OriginRemapException($"{record.Name} {DnsTypeNames.ToText(record.Type)}: mirrored into {To} a name in it would be {written} octets, over DNS's 255 (RFC 1035 §2.3.4); choose a shorter MirrorAs.");
        }

        name[..suffix].CopyTo(destination);
        _toWire.CopyTo(destination[suffix..]);
        return true;
    }

    /// <summary>Where the source origin starts in <paramref name="name"/> at a label boundary, or -1.</summary>
    private int SuffixStart(ReadOnlySpan<byte> name)
    {
        var position = 0;
        while (position < name.Length)
        {
            if (name.Length - position == _fromWire.Length && EqualsIgnoreAsciiCase(name[position..], _fromWire))
            {
                return position;
            }

            var length = name[position];
            if (length == 0)
            {
                break;
            }

            position += length + 1;
        }

        return -1;
    }

    /// <summary>
    /// Length octets are at most 63, below every ASCII letter, so folding letters only never merges a length with a
    /// label octet: equal sequences from a label boundary are equal label by label.
    /// </summary>
    private static bool EqualsIgnoreAsciiCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (Fold(a[i]) != Fold(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static byte Fold(byte octet) => octet is >= (byte)'A' and <= (byte)'Z' ? (byte)(octet | 0x20) : octet;

    private static int NaptrReplacementOffset(byte[] data)
    {
        var position = 4;
        for (var i = 0; i < 3; i++)
        {
            if (position >= data.Length)
            {
                return -1;
            }

            position += 1 + data[position];
        }

        return position;
    }

    private static string Absolute(string name)
    {
        var trimmed = name.Trim().ToLowerInvariant();
        return trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }

    /// <summary>Letters, digits, hyphens and underscores; labels of 1 to 63 without a hyphen at either end.</summary>
    private static bool IsHostLike(string absolute)
    {
        var labels = absolute[..^1].Split('.');
        foreach (var label in labels)
        {
            if (label.Length is 0 or > DnsWireReader.MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
                {
                    return false;
                }
            }
        }

        return Encoding.ASCII.GetByteCount(absolute) <= 254;
    }
}
