using DnsMirror.Wire;

namespace DnsMirror.Transfer;

internal sealed partial class ZoneTransferClient
{
    /// <summary>
    /// RFC 5936 §2.2: the answer stream starts with the zone's SOA and ends with the same SOA; every message
    /// is checked (ID, RCODE, TSIG) and a connection that closes before the closing SOA is an error.
    /// </summary>
    private async Task<ZoneSnapshot> TransferAsync(DnsMaster master, string zone, CancellationToken cancellationToken)
    {
        uint serial = 0;
        var read = await ReadTransferAsync(master, zone, DnsQueryBuilder.Build(NewMessageId(), zone, DnsRecordType.AXFR), DnsRecordType.AXFR, 1024, (records, before) =>
        {
            if (before == 0 && records.Count > 0)
            {
                serial = OpeningSerial(master, zone, records[0]);
            }

            return FindClosingSoa(master, zone, records, Math.Max(before, 1), serial);
        }, cancellationToken).ConfigureAwait(false);
        read.Records.RemoveAt(read.Records.Count - 1);
        return new ZoneSnapshot(zone, serial, DropOutOfZone(read.Records, zone), master.ToString(), read.Messages, read.BytesReceived);
    }

    /// <summary>
    /// Stops a transfer past its limits, checked after each message so that at most one message (64 KiB on the
    /// wire) lands beyond them: a master that never sends the closing SOA, or sends huge records, fails its zone
    /// instead of exhausting the function's memory.
    /// </summary>
    private void CheckLimits(DnsMaster master, string zone, int records, long bytes)
    {
        if (records > _options.MaxRecords)
        {
            throw new ZoneTransferException($"{master}: transfer of {zone} stopped at {records} records, above the limit of {_options.MaxRecords} ({DnsMirrorSettings.Variables.MaxTransferRecords}); raise it if the zone really is this large");
        }

        if (bytes > _options.MaxBytes)
        {
            throw new ZoneTransferException($"{master}: transfer of {zone} stopped at {bytes} bytes after {records} records, above the limit of {_options.MaxBytes} bytes ({DnsMirrorSettings.Variables.MaxTransferBytes}); raise it if the zone really is this large");
        }
    }

    /// <summary>The records from <paramref name="from"/> on as if written without compression: owner name, the 10 fixed octets, RDATA.</summary>
    private static long UncompressedSize(List<DnsResourceRecord> records, int from)
    {
        long size = 0;
        for (var i = from; i < records.Count; i++)
        {
            size += records[i].Name.Length + 10 + records[i].Data.Length;
        }

        return size;
    }

    private static uint OpeningSerial(DnsMaster master, string zone, DnsResourceRecord first)
    {
        if (first.Type != DnsRecordType.SOA || !string.Equals(first.Name, zone, StringComparison.OrdinalIgnoreCase) || first.Data.Length < 22)
        {
            throw new ZoneTransferException($"{master}: transfer of {zone} does not start with the zone's SOA (got {DnsTypeNames.ToText(first.Type)} {first.Name})");
        }

        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(first.Data.AsSpan(first.Data.Length - 20));
    }

    /// <summary>True when the closing SOA arrived; it must be the last record of its message and carry the opening serial.</summary>
    private static bool FindClosingSoa(DnsMaster master, string zone, List<DnsResourceRecord> records, int from, uint serial)
    {
        for (var i = from; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Type != DnsRecordType.SOA || !string.Equals(record.Name, zone, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (i != records.Count - 1)
            {
                throw new ZoneTransferException($"{master}: transfer of {zone} has records after its closing SOA");
            }

            var closing = OpeningSerial(master, zone, record);
            if (closing != serial)
            {
                throw new ZoneTransferException($"{master}: transfer of {zone} opened with serial {serial} and closed with {closing}");
            }

            return true;
        }

        return false;
    }

    /// <summary>RFC 5936 §3.3: data outside the zone is not part of it and is dropped.</summary>
    private static List<DnsResourceRecord> DropOutOfZone(List<DnsResourceRecord> records, string zone)
    {
        records.RemoveAll(r => !DomainNameText.IsAtOrBelow(r.Name, zone));
        return records;
    }
}
