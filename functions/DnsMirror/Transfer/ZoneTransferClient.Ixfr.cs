using DnsMirror.Wire;

namespace DnsMirror.Transfer;

internal sealed partial class ZoneTransferClient
{
    /// <summary>
    /// SOA query first; when the master's serial is newer than <paramref name="knownSerial"/> (RFC 1982), an IXFR
    /// (RFC 1995) from it over TCP, signed when a key is set. The answer is the deltas, or the whole zone when the
    /// master sends it that way (no journal reaching back, IXFR not provided). A master that refuses IXFR (NOTIMP,
    /// REFUSED, FORMERR) is asked for an AXFR instead. The same serial checks as <see cref="TransferIfNewerAsync"/>.
    /// </summary>
    public Task<IncrementalTransferResult> TransferIncrementalAsync(string zone, uint knownSerial, CancellationToken cancellationToken = default)
    {
        zone = NormalizeZone(zone);
        return RunOnMastersAsync(async (master, token) =>
        {
            var serial = await QuerySerialAsync(master, zone, token).ConfigureAwait(false);
            if (!SerialNumber.IsNewer(serial, knownSerial))
            {
                return new IncrementalTransferResult(serial == knownSerial ? TransferOutcome.Unchanged : TransferOutcome.MasterBehind, serial, master.ToString(), null, null);
            }

            var answer = await IxfrAsync(master, zone, knownSerial, token).ConfigureAwait(false);
            string note;
            ZoneSnapshot? snapshot = null;
            IReadOnlyList<ZoneDelta>? deltas = null;
            uint transferred;
            if (answer.Refused is { } code)
            {
                snapshot = await TransferAsync(master, zone, token).ConfigureAwait(false);
                transferred = snapshot.Serial;
                note = $"IXFR answered {code}; transferred the whole zone by AXFR";
            }
            else if (answer.Snapshot is not null)
            {
                snapshot = answer.Snapshot;
                transferred = snapshot.Serial;
                note = "the master answered the IXFR with the whole zone (its journal does not reach back, or it does not provide IXFR)";
            }
            else if (answer.Deltas is null)
            {
                // A lone SOA: the server holds nothing newer, though its SOA answer said otherwise (two servers behind one address).
                transferred = answer.Serial;
                note = "the IXFR answer held only the SOA";
            }
            else
            {
                deltas = answer.Deltas;
                transferred = answer.Serial;
                note = $"IXFR: {deltas.Count} difference sequence(s)";
            }

            if (TransferBehind(transferred, serial, knownSerial) is { } reason)
            {
                var outcome = transferred == knownSerial ? TransferOutcome.Unchanged : TransferOutcome.MasterBehind;
                return new IncrementalTransferResult(outcome, transferred, master.ToString(), null, null, outcome == TransferOutcome.Unchanged ? null : reason, note);
            }

            return new IncrementalTransferResult(TransferOutcome.Transferred, transferred, master.ToString(), deltas, snapshot, null, note);
        }, cancellationToken);
    }

    /// <summary>
    /// RFC 1995 §3: the query carries, in its authority section, the SOA of the client's version; only its serial
    /// matters to the server, so the other fields are left empty (root names, zeros).
    /// </summary>
    internal static byte[] BuildIxfrQuery(ushort id, string zone, uint serial)
    {
        var writer = new DnsWireWriter();
        writer.WriteHeader(new DnsHeader(id, 0, 1, 0, 1, 0));
        writer.WriteName(zone);
        writer.WriteUInt16((ushort)DnsRecordType.IXFR);
        writer.WriteUInt16(DnsClass.Internet);
        Span<byte> soa = stackalloc byte[22];
        soa.Clear();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(soa[2..], serial);
        writer.WriteRecord(zone, DnsRecordType.SOA, DnsClass.Internet, 0, soa);
        return writer.ToArray();
    }

    private async Task<IxfrAnswer> IxfrAsync(DnsMaster master, string zone, uint knownSerial, CancellationToken cancellationToken)
    {
        var reader = new IxfrStreamReader(zone, knownSerial);
        var read = await ReadTransferAsync(master, zone, BuildIxfrQuery(NewMessageId(), zone, knownSerial), DnsRecordType.IXFR, 256, (records, before) =>
        {
            reader.Consume(records, before);
            reader.EndMessage(records.Count);
            return reader.IsComplete;
        }, cancellationToken, DnsResponseCode.NotImp, DnsResponseCode.Refused, DnsResponseCode.FormErr).ConfigureAwait(false);
        if (read.Refused is { } refused)
        {
            return new IxfrAnswer(0, null, null, refused);
        }

        if (reader.IsUpToDate)
        {
            return new IxfrAnswer(reader.Serial, null, null, null);
        }

        if (reader.IsFull)
        {
            read.Records.RemoveAt(read.Records.Count - 1);
            return new IxfrAnswer(reader.Serial, null, new ZoneSnapshot(zone, reader.Serial, DropOutOfZone(read.Records, zone), master.ToString(), read.Messages, read.BytesReceived), null);
        }

        return new IxfrAnswer(reader.Serial, reader.Deltas(read.Records), null, null);
    }

    private sealed record IxfrAnswer(uint Serial, IReadOnlyList<ZoneDelta>? Deltas, ZoneSnapshot? Snapshot, DnsResponseCode? Refused);
}
