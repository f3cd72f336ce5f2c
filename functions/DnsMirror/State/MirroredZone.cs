using System.Buffers;
using DnsMirror.Diff;
using DnsMirror.Route53;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.State;

/// <summary>
/// The records a zone was last mirrored with, grouped by owner (lower case) and type, at <see cref="Serial"/>, with
/// the hosted zone's own SOA as last written (<see cref="TargetSoa"/>, so the serial can be copied into it without a
/// listing). IXFR deltas apply to it; the record sets they touch are what an incremental run changes.
/// Loaded from the stored form, the records stay in that form (<see cref="StoredRecordIndex"/>) and only the sets a
/// delta touches (and the apex SOA) become objects in <c>_sets</c>, their stored records then marked superseded:
/// an incremental run's memory follows the zone's bytes and the delta, not one object per record.
/// </summary>
internal sealed class MirroredZone
{
    // The sets held as objects: all of them for FromRecords, the touched ones over a stored form.
    private readonly Dictionary<(string Name, DnsRecordType Type), List<DnsResourceRecord>> _sets;
    private readonly StoredRecordIndex? _stored;
    private readonly HashSet<(string Name, DnsRecordType Type)> _materialised = [];

    private MirroredZone(string origin, uint serial, HostedZoneRecordSet? targetSoa, int capacity, StoredRecordIndex? stored = null)
    {
        _stored = stored;
        Origin = origin;
        Apex = origin.ToLowerInvariant();
        Serial = serial;
        TargetSoa = targetSoa;
        _sets = new(capacity);
    }

    public string Origin { get; }

    public uint Serial { get; private set; }

    /// <summary>The hosted zone's SOA as last written (Route 53's own, with the mirrored serial); null when unknown.</summary>
    public HostedZoneRecordSet? TargetSoa { get; set; }

    /// <summary>The hosted zone the records were mirrored into: a zone moved to another one must be compared in full there.</summary>
    public string? HostedZoneId { get; set; }

    public int RecordCount { get; private set; }

    private string Apex { get; }

    public static MirroredZone FromRecords(string origin, uint serial, HostedZoneRecordSet? targetSoa, IReadOnlyCollection<DnsResourceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(records);
        var zone = new MirroredZone(origin, serial, targetSoa, records.Count);
        string? lastName = null, lastLower = null;
        foreach (var record in records)
        {
            // A transfer lists an owner's records together under one string: lower-case it once per run of an owner.
            var lower = ReferenceEquals(record.Name, lastName) ? lastLower! : record.Name.ToLowerInvariant();
            (lastName, lastLower) = (record.Name, lower);
            zone.SetFor((lower, record.Type)).Add(record);
            zone.RecordCount++;
        }

        return zone;
    }

    /// <summary>A zone over its stored form; nothing is materialised but the apex SOA.</summary>
    public static MirroredZone FromStored(string origin, uint serial, HostedZoneRecordSet? targetSoa, StoredRecordIndex stored)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(stored);
        var zone = new MirroredZone(origin, serial, targetSoa, 0, stored) { RecordCount = stored.Count };
        zone.Materialise((zone.Apex, DnsRecordType.SOA));
        return zone;
    }

    /// <summary>Every record, the apex SOA first (the order an AXFR gives and the planner expects).</summary>
    public IEnumerable<DnsResourceRecord> Records()
    {
        if (_sets.TryGetValue((Apex, DnsRecordType.SOA), out var soa))
        {
            foreach (var record in soa)
            {
                yield return record;
            }
        }

        if (_stored is not null)
        {
            foreach (var record in _stored.Records())
            {
                yield return record;
            }
        }

        foreach (var ((name, type), set) in _sets)
        {
            if (type == DnsRecordType.SOA && name == Apex)
            {
                continue;
            }

            foreach (var record in set)
            {
                yield return record;
            }
        }
    }

    /// <summary>Writes every record into the stored form's list (apex SOA first, as <see cref="Records"/>); returns how many.</summary>
    public int WriteRecords(IBufferWriter<byte> raw)
    {
        var written = 0;
        string? lastName = null;
        foreach (var record in _sets.GetValueOrDefault((Apex, DnsRecordType.SOA)) ?? [])
        {
            MirroredZoneCodec.WriteRecord(raw, record, ref lastName);
            written++;
        }

        written += _stored?.WriteTo(raw) ?? 0;
        lastName = null;
        foreach (var ((name, type), set) in _sets)
        {
            if (type == DnsRecordType.SOA && name == Apex)
            {
                continue;
            }

            foreach (var record in set)
            {
                MirroredZoneCodec.WriteRecord(raw, record, ref lastName);
                written++;
            }
        }

        return written;
    }

    /// <summary>
    /// Whether the zone holds anything beyond the apex SOA and NS (the planner refuses to mirror an empty zone unless
    /// forced); answered from counts, without listing the records.
    /// </summary>
    public bool HasContentBeyondApex() =>
        RecordCount > (Find(Apex, DnsRecordType.SOA)?.Count ?? 0) + (Find(Apex, DnsRecordType.NS)?.Count ?? 0);

    /// <summary>The records of one set (owner in lower case); null when the zone has none.</summary>
    public IReadOnlyList<DnsResourceRecord>? Find(string lowerName, DnsRecordType type)
    {
        if (_sets.TryGetValue((lowerName, type), out var set))
        {
            return set;
        }

        if (_stored is null || _materialised.Contains((lowerName, type)))
        {
            return null;
        }

        var positions = _stored.Find(lowerName, type);
        return positions.Count == 0 ? null : positions.ConvertAll(_stored.RecordAt);
    }

    /// <summary>Record sets the mirror manages in the hosted zone: Route 53's types, class IN, not the apex SOA and NS.</summary>
    public int ManagedSetCount()
    {
        var count = 0;
        foreach (var ((name, type), set) in _sets)
        {
            if (IsManaged(name, type) && set.Exists(r => r.Class == DnsClass.Internet))
            {
                count++;
            }
        }

        foreach (var (name, type, hasInternet) in _stored?.Sets() ?? [])
        {
            if (hasInternet && IsManaged(name, type) && !_materialised.Contains((name, type)))
            {
                count++;
            }
        }

        return count;
    }

    public bool IsManaged(string lowerName, DnsRecordType type) =>
        ZoneDiffer.Route53Types.Contains(type) && !(lowerName == Apex && type is DnsRecordType.SOA or DnsRecordType.NS);

    /// <summary>
    /// Applies the deltas in order (RFC 1995 §4: each one's deletions, then its additions) and returns, for every set
    /// they touched, its records before the first delta (null: the set did not exist). A delta that starts from
    /// another serial, deletes a record not held or adds one already held is a <see cref="ZoneDeltaConflictException"/>;
    /// the zone is then half-applied and must be dropped.
    /// </summary>
    public Dictionary<(string Name, DnsRecordType Type), List<DnsResourceRecord>?> Apply(IReadOnlyList<ZoneDelta> deltas)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var before = new Dictionary<(string, DnsRecordType), List<DnsResourceRecord>?>();
        foreach (var delta in deltas)
        {
            if (delta.FromSerial != Serial)
            {
                throw new ZoneDeltaConflictException($"a delta starts from serial {delta.FromSerial}, the stored records are at {Serial}");
            }

            foreach (var record in delta.Deleted)
            {
                var key = (record.Name.ToLowerInvariant(), record.Type);
                Materialise(key);
                Remember(before, key);
                var index = _sets.TryGetValue(key, out var set) ? IndexOf(set, record) : -1;
                if (index < 0)
                {
                    throw new ZoneDeltaConflictException($"the delta {delta.FromSerial} → {delta.ToSerial} deletes {record}, which the stored records do not hold");
                }

                set!.RemoveAt(index);
                RecordCount--;
                if (set.Count == 0)
                {
                    _sets.Remove(key);
                }
            }

            foreach (var record in delta.Added)
            {
                var key = (record.Name.ToLowerInvariant(), record.Type);
                Materialise(key);
                Remember(before, key);
                var set = SetFor(key);
                if (IndexOf(set, record) >= 0)
                {
                    throw new ZoneDeltaConflictException($"the delta {delta.FromSerial} → {delta.ToSerial} adds {record}, which the stored records already hold");
                }

                set.Add(record);
                RecordCount++;
            }

            // The SOA pair that frames each delta replaces the apex SOA; it is not in the deleted or added lists.
            var soaKey = (Apex, DnsRecordType.SOA);
            Materialise(soaKey);
            RecordCount -= _sets.TryGetValue(soaKey, out var oldSoa) ? oldSoa.Count : 0;
            _sets[soaKey] = [delta.ToSoa];
            RecordCount++;
            Serial = delta.ToSerial;
        }

        return before;
    }

    /// <summary>Moves a stored set into <c>_sets</c> (once) and marks its stored records superseded.</summary>
    private void Materialise((string Name, DnsRecordType Type) key)
    {
        if (_stored is null || !_materialised.Add(key))
        {
            return;
        }

        var positions = _stored.Find(key.Name, key.Type);
        if (positions.Count == 0)
        {
            return;
        }

        var set = new List<DnsResourceRecord>(positions.Count);
        foreach (var position in positions)
        {
            set.Add(_stored.RecordAt(position));
            _stored.Supersede(position);
        }

        _sets[key] = set;
    }

    private void Remember(Dictionary<(string, DnsRecordType), List<DnsResourceRecord>?> before, (string, DnsRecordType) key)
    {
        if (!before.ContainsKey(key))
        {
            before[key] = _sets.TryGetValue(key, out var set) ? [.. set] : null;
        }
    }

    private List<DnsResourceRecord> SetFor((string, DnsRecordType) key)
    {
        if (!_sets.TryGetValue(key, out var set))
        {
            set = new List<DnsResourceRecord>(1);
            _sets[key] = set;
        }

        return set;
    }

    // The same record: class and RDATA octet for octet (TTL is not part of a record's identity, RFC 2181 §5.2).
    private static int IndexOf(List<DnsResourceRecord> set, DnsResourceRecord record)
    {
        for (var i = 0; i < set.Count; i++)
        {
            if (set[i].Class == record.Class && set[i].Data.AsSpan().SequenceEqual(record.Data))
            {
                return i;
            }
        }

        return -1;
    }
}
