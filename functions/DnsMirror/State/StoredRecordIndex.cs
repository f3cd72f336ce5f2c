using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using DnsMirror.Wire;

namespace DnsMirror.State;

/// <summary>
/// The stored records kept as their decompressed bytes (<see cref="MirroredZoneCodec"/>'s record list) with one
/// 12-byte index entry per record (a 32-bit hash of owner in lower case and type, and two offsets into the bytes),
/// sorted by hash: a 100,000-record zone costs its ~6 MB of bytes and ~1.2 MB of index instead of ~30 MB of one
/// object per record. Equal hashes are told apart by name and type wherever it matters. A record set is materialised
/// as <see cref="DnsResourceRecord"/>s only when asked for (the sets a delta touches), its stored records then marked
/// superseded (<see cref="Supersede"/>, by their offset: a few sets, not a flag per record); the bytes were checked
/// whole by <see cref="Build"/>, so later reads need no bounds checks of their own beyond the array's.
/// </summary>
internal sealed class StoredRecordIndex
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    private readonly byte[] _raw;
    private readonly int _start;
    private readonly Entry[] _entries;
    private readonly HashSet<int> _superseded = [];

    private StoredRecordIndex(byte[] raw, int start, Entry[] entries)
    {
        _raw = raw;
        _start = start;
        _entries = entries;
    }

    public int Count => _entries.Length;

    /// <summary>
    /// Walks <paramref name="count"/> records from <paramref name="start"/>, checking every length, and indexes them;
    /// the records must end exactly at the end of <paramref name="raw"/>.
    /// </summary>
    public static StoredRecordIndex Build(byte[] raw, int start, int count)
    {
        var entries = new Entry[count];
        var position = start;
        var nameOffset = -1;
        uint nameHash = 0;
        for (var i = 0; i < count; i++)
        {
            var flag = Take(raw, ref position, 1)[0];
            if (flag != MirroredZoneCodec.SameOwner || nameOffset < 0)
            {
                nameOffset = position;
                var length = BinaryPrimitives.ReadUInt16BigEndian(Take(raw, ref position, 2));
                nameHash = HashName(raw.AsSpan(nameOffset + 2, Take(raw, ref position, length).Length));
            }

            var fields = position;
            var type = BinaryPrimitives.ReadUInt16BigEndian(Take(raw, ref position, 10));
            var dataLength = BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(fields + 8));
            Take(raw, ref position, dataLength);
            entries[i] = new Entry(Mix(nameHash, type), nameOffset, fields);
        }

        if (position != raw.Length)
        {
            throw new FormatException("stored zone state has bytes after its last record");
        }

        // Fields grow with the stored order, so equal hashes keep it.
        Array.Sort(entries, static (a, b) => a.Hash != b.Hash ? a.Hash.CompareTo(b.Hash) : a.Fields.CompareTo(b.Fields));
        return new StoredRecordIndex(raw, start, entries);
    }

    /// <summary>The index positions of one set's records in stored order, empty when the stored records hold none.</summary>
    public List<int> Find(string lowerName, DnsRecordType type)
    {
        var hash = Mix(HashChars(lowerName), (ushort)type);
        var found = new List<int>();
        var lo = 0;
        var hi = _entries.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_entries[mid].Hash < hash)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < _entries.Length && _entries[i].Hash == hash; i++)
        {
            if (TypeAt(_entries[i]) == type && LowerNameAt(_entries[i].NameOffset) == lowerName)
            {
                found.Add(i);
            }
        }

        return found;
    }

    /// <summary>The record behind an index position (from <see cref="Find"/>).</summary>
    public DnsResourceRecord RecordAt(int position) => Read(_entries[position], NameAt(_entries[position].NameOffset));

    /// <summary>Marks the record at an index position (from <see cref="Find"/>) as superseded: enumerations skip it.</summary>
    public void Supersede(int position) => _superseded.Add(_entries[position].Fields);

    /// <summary>Every set once: its owner in lower case, type, and whether it holds a record of class IN.</summary>
    public IEnumerable<(string LowerName, DnsRecordType Type, bool HasInternet)> Sets()
    {
        for (var i = 0; i < _entries.Length;)
        {
            var end = i + 1;
            while (end < _entries.Length && _entries[end].Hash == _entries[i].Hash)
            {
                end++;
            }

            if (end == i + 1)
            {
                // The common case: a hash run of one record is one set, read without comparing names.
                yield return (LowerNameAt(_entries[i].NameOffset), TypeAt(_entries[i]), ClassAt(_entries[i]) == DnsClass.Internet);
                i = end;
                continue;
            }

            // A longer run is usually one set of several records; a collision holds several sets, told apart by name and type.
            var seen = new List<(string, DnsRecordType)>(1);
            for (var j = i; j < end; j++)
            {
                var key = (LowerNameAt(_entries[j].NameOffset), TypeAt(_entries[j]));
                if (seen.Contains(key))
                {
                    continue;
                }

                seen.Add(key);
                var hasInternet = false;
                for (var k = j; k < end && !hasInternet; k++)
                {
                    hasInternet = ClassAt(_entries[k]) == DnsClass.Internet && TypeAt(_entries[k]) == key.Item2 && LowerNameAt(_entries[k].NameOffset) == key.Item1;
                }

                yield return (key.Item1, key.Item2, hasInternet);
            }

            i = end;
        }
    }

    /// <summary>Every record not superseded, in stored order; one owner string per run of an owner.</summary>
    public IEnumerable<DnsResourceRecord> Records()
    {
        var position = _start;
        var nameOffset = -1;
        string? owner = null;
        for (var i = 0; i < _entries.Length; i++)
        {
            if (_raw[position++] != MirroredZoneCodec.SameOwner || nameOffset < 0)
            {
                nameOffset = position;
                owner = null;
                position += 2 + BinaryPrimitives.ReadUInt16BigEndian(_raw.AsSpan(position));
            }

            var fields = position;
            position += 10 + BinaryPrimitives.ReadUInt16BigEndian(_raw.AsSpan(fields + 8));
            if (!_superseded.Contains(fields))
            {
                owner ??= NameAt(nameOffset);
                yield return Read(new Entry(0, nameOffset, fields), owner);
            }
        }
    }

    /// <summary>
    /// Copies every record not superseded into another stored form's list as it is stored; an owner is written out
    /// again where the record before it was skipped. Returns how many were copied.
    /// </summary>
    public int WriteTo(IBufferWriter<byte> raw)
    {
        var position = _start;
        int nameOffset = -1, lastWritten = -1, written = 0;
        for (var i = 0; i < _entries.Length; i++)
        {
            if (_raw[position++] != MirroredZoneCodec.SameOwner || nameOffset < 0)
            {
                nameOffset = position;
                position += 2 + BinaryPrimitives.ReadUInt16BigEndian(_raw.AsSpan(position));
            }

            var fields = position;
            position += 10 + BinaryPrimitives.ReadUInt16BigEndian(_raw.AsSpan(fields + 8));
            if (_superseded.Contains(fields))
            {
                continue;
            }

            if (nameOffset == lastWritten)
            {
                raw.Write([MirroredZoneCodec.SameOwner]);
            }
            else
            {
                raw.Write([(byte)0]);
                raw.Write(_raw.AsSpan(nameOffset, 2 + BinaryPrimitives.ReadUInt16BigEndian(_raw.AsSpan(nameOffset))));
                lastWritten = nameOffset;
            }

            raw.Write(_raw.AsSpan(fields, position - fields));
            written++;
        }

        return written;
    }

    private DnsResourceRecord Read(Entry entry, string owner)
    {
        var span = _raw.AsSpan(entry.Fields);
        var dataLength = BinaryPrimitives.ReadUInt16BigEndian(span[8..]);
        return new DnsResourceRecord(owner, (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(span), BinaryPrimitives.ReadUInt16BigEndian(span[2..]), BinaryPrimitives.ReadUInt32BigEndian(span[4..]), span.Slice(10, dataLength).ToArray());
    }

    private DnsRecordType TypeAt(Entry entry) => (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(_raw.AsSpan(entry.Fields));

    private ushort ClassAt(Entry entry) => BinaryPrimitives.ReadUInt16BigEndian(_raw.AsSpan(entry.Fields + 2));

    private string NameAt(int nameOffset) =>
        Encoding.UTF8.GetString(_raw, nameOffset + 2, BinaryPrimitives.ReadUInt16BigEndian(_raw.AsSpan(nameOffset)));

    private string LowerNameAt(int nameOffset) => NameAt(nameOffset).ToLowerInvariant();

    // The hash is over the owner's lower-case characters, so a stored name and a looked-up lower-case string agree;
    // ASCII (every name in presentation form) is folded byte by byte, anything else goes through ToLowerInvariant.
    private static uint HashName(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (b >= 0x80)
            {
                return HashChars(Encoding.UTF8.GetString(utf8).ToLowerInvariant());
            }
        }

        var hash = FnvOffset;
        foreach (var b in utf8)
        {
            hash = (hash ^ (b is >= (byte)'A' and <= (byte)'Z' ? (uint)(b | 0x20) : b)) * FnvPrime;
        }

        return hash;
    }

    private static uint HashChars(string lower)
    {
        var hash = FnvOffset;
        foreach (var c in lower)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }

    private static uint Mix(uint nameHash, ushort type) => (nameHash ^ type) * FnvPrime;

    private static ReadOnlySpan<byte> Take(byte[] raw, ref int position, int length)
    {
        if (length > raw.Length - position)
        {
            throw new FormatException($"stored zone state ends at byte {raw.Length}, {length} more needed at {position}");
        }

        var span = raw.AsSpan(position, length);
        position += length;
        return span;
    }

    /// <summary>Where one record's owner (its length prefix) and fields (type, class, TTL, RDLENGTH, RDATA) start.</summary>
    private readonly record struct Entry(uint Hash, int NameOffset, int Fields);
}
