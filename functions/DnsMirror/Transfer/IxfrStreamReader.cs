using System.Buffers.Binary;
using DnsMirror.Wire;

namespace DnsMirror.Transfer;

/// <summary>
/// Follows an IXFR answer (RFC 1995 §4) record by record as its messages arrive and says when it is complete. The
/// first record is the zone's SOA with the master's serial N. Then either a non-SOA record (the whole zone, AXFR
/// style, closed by the SOA N again), or SOA old / deletions / SOA new / additions sequences, one or several
/// (condensed or not), closed by the SOA N where the next sequence's SOA old would stand. A single SOA not newer
/// than the client's serial means the client is current.
/// </summary>
internal sealed class IxfrStreamReader(string zone, uint knownSerial)
{
    private enum Phase
    {
        Start,
        AfterFirst,
        Full,
        Deleting,
        Adding,
        Done,
    }

    private readonly List<int> _markers = [];
    private Phase _phase = Phase.Start;
    private uint _toSerial;

    /// <summary>The master's serial, from the answer's first record.</summary>
    public uint Serial { get; private set; }

    public bool IsComplete => _phase == Phase.Done;

    /// <summary>The answer is the whole zone (AXFR style).</summary>
    public bool IsFull { get; private set; }

    /// <summary>The answer was one SOA: nothing newer than the client's serial.</summary>
    public bool IsUpToDate { get; private set; }

    /// <summary>Reads the records from <paramref name="from"/> on (those the latest message added).</summary>
    public void Consume(List<DnsResourceRecord> records, int from)
    {
        ArgumentNullException.ThrowIfNull(records);
        for (var i = from; i < records.Count; i++)
        {
            var record = records[i];
            var isApexSoa = record.Type == DnsRecordType.SOA && string.Equals(record.Name, zone, StringComparison.OrdinalIgnoreCase);
            switch (_phase)
            {
                case Phase.Start:
                    Serial = isApexSoa ? SerialOf(record) : throw new ZoneTransferException($"IXFR answer for {zone} does not start with the zone's SOA (got {DnsTypeNames.ToText(record.Type)} {record.Name})");
                    _phase = Phase.AfterFirst;
                    break;
                case Phase.AfterFirst when isApexSoa && SerialOf(record) == Serial:
                    // SOA N twice: the whole zone, holding nothing but its SOA.
                    IsFull = true;
                    Close(records, i);
                    break;
                case Phase.AfterFirst when isApexSoa:
                    _markers.Add(i);
                    _phase = Phase.Deleting;
                    break;
                case Phase.AfterFirst:
                    IsFull = true;
                    _phase = Phase.Full;
                    break;
                case Phase.Full when isApexSoa:
                    var closing = SerialOf(record);
                    if (closing != Serial)
                    {
                        throw new ZoneTransferException($"IXFR answer for {zone} (whole zone) opened with serial {Serial} and closed with {closing}");
                    }

                    Close(records, i);
                    break;
                case Phase.Deleting when isApexSoa:
                    _markers.Add(i);
                    _toSerial = SerialOf(record);
                    _phase = Phase.Adding;
                    break;
                case Phase.Adding when isApexSoa:
                    var next = SerialOf(record);
                    if (next == Serial && _toSerial == Serial)
                    {
                        _markers.Add(i);
                        Close(records, i);
                        break;
                    }

                    if (next != _toSerial)
                    {
                        throw new ZoneTransferException($"IXFR answer for {zone}: a difference sequence starts at serial {next} where the previous one ended at {_toSerial}");
                    }

                    _markers.Add(i);
                    _phase = Phase.Deleting;
                    break;
                case Phase.Done:
                    throw new ZoneTransferException($"IXFR answer for {zone} has records after its closing SOA");
                default:
                    break;
            }
        }
    }

    /// <summary>Called after each message: a lone SOA that is not newer than the client's serial ends the answer.</summary>
    public void EndMessage(int recordCount)
    {
        if (_phase == Phase.AfterFirst && recordCount == 1 && !SerialNumber.IsNewer(Serial, knownSerial))
        {
            IsUpToDate = true;
            _phase = Phase.Done;
        }
    }

    /// <summary>The difference sequences of a complete incremental answer, records outside the zone dropped.</summary>
    public IReadOnlyList<ZoneDelta> Deltas(List<DnsResourceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (!IsComplete || IsFull || IsUpToDate)
        {
            throw new InvalidOperationException("the answer holds no complete difference sequences");
        }

        var deltas = new List<ZoneDelta>(_markers.Count / 2);
        for (var k = 0; k + 2 < _markers.Count; k += 2)
        {
            var (oldSoa, newSoa, end) = (_markers[k], _markers[k + 1], _markers[k + 2]);
            deltas.Add(new ZoneDelta(
                SerialOf(records[oldSoa]),
                SerialOf(records[newSoa]),
                records[newSoa],
                InZone(records, oldSoa + 1, newSoa),
                InZone(records, newSoa + 1, end)));
        }

        return deltas;
    }

    internal static uint SerialOf(DnsResourceRecord soa) =>
        soa.Data.Length >= 22 ? BinaryPrimitives.ReadUInt32BigEndian(soa.Data.AsSpan(soa.Data.Length - 20)) : throw new ZoneTransferException($"SOA record of {soa.Name} is too short ({soa.Data.Length} octets)");

    private void Close(List<DnsResourceRecord> records, int index)
    {
        if (index != records.Count - 1)
        {
            throw new ZoneTransferException($"IXFR answer for {zone} has records after its closing SOA");
        }

        _phase = Phase.Done;
    }

    // RFC 5936 §3.3, as for AXFR: data outside the zone is not part of it.
    private List<DnsResourceRecord> InZone(List<DnsResourceRecord> records, int from, int to)
    {
        var list = new List<DnsResourceRecord>(to - from);
        for (var i = from; i < to; i++)
        {
            if (DomainNameText.IsAtOrBelow(records[i].Name, zone))
            {
                list.Add(records[i]);
            }
        }

        return list;
    }
}
