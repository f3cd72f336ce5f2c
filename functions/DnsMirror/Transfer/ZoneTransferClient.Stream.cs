using DnsMirror.Wire;

namespace DnsMirror.Transfer;

internal sealed partial class ZoneTransferClient
{
    /// <summary>
    /// The exchange AXFR and IXFR share: one TCP connection, the query signed when a key is set, then messages read
    /// until <paramref name="isComplete"/> (given every record so far and the count before the last message) says the
    /// answer ended. Each message is held to the limits, matched to the query (ID, and the question of the first), and,
    /// with a key, verified as RFC 8945 §5.3.1 has it for a multi-message answer (first and last signed, at most 99
    /// unsigned in a row; <c>Complete</c> rejects an unsigned last). A signed message is verified before its RCODE is
    /// read; an unsigned one that carries an error is reported by that error. The IXFR passes
    /// <paramref name="refusalCodes"/>: a first message answering one of them ends the exchange unverified, as the run
    /// then asks for an AXFR, which is verified on its own.
    /// </summary>
    private async Task<TransferRead> ReadTransferAsync(DnsMaster master, string zone, byte[] request, DnsRecordType type, int capacity, Func<List<DnsResourceRecord>, int, bool> isComplete, CancellationToken cancellationToken, params DnsResponseCode[] refusalCodes)
    {
        var kind = type == DnsRecordType.AXFR ? "transfer" : DnsTypeNames.ToText(type);
        var (wire, verifier) = Sign(request);
        using (verifier)
        {
            await using var channel = await DnsTcpChannel.ConnectAsync(master, cancellationToken).ConfigureAwait(false);
            await channel.SendAsync(wire, cancellationToken).ConfigureAwait(false);
            var records = new List<DnsResourceRecord>(capacity);
            var messages = 0;
            long size = 0;
            while (true)
            {
                var raw = await channel.ReceiveAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new ZoneTransferException($"{master}: {kind} of {zone} cut after {records.Count} records and {messages} messages, before the closing SOA");
                var before = records.Count;
                var message = DnsMessageParser.Parse(raw.Span, records);
                messages++;
                size += UncompressedSize(records, before);
                CheckLimits(master, zone, records.Count, Math.Max(size, channel.BytesReceived));
                CheckHeader(master, message.Header, request);
                if (messages == 1 && message.Questions.Count > 0
                    && (message.Questions[0].Type != type || !string.Equals(message.Questions[0].Name, zone, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ZoneTransferException($"{master}: response question does not match the {DnsTypeNames.ToText(type)} of {zone}");
                }

                if (messages == 1 && Array.IndexOf(refusalCodes, message.Header.ResponseCode) >= 0)
                {
                    return new TransferRead(records, messages, channel.BytesReceived, message.Header.ResponseCode);
                }

                if (verifier is not null)
                {
                    if (message.Tsig is null)
                    {
                        ThrowOnErrorCode(master, $"the {kind} of {zone}", message.Header.ResponseCode);
                    }

                    verifier.Verify(raw.Span, message);
                }

                ThrowOnErrorCode(master, $"the {kind} of {zone}", message.Header.ResponseCode);
                if (isComplete(records, before))
                {
                    verifier?.Complete();
                    return new TransferRead(records, messages, channel.BytesReceived, null);
                }
            }
        }
    }

    /// <summary>What one exchange read: every record of the answer, its messages and octets, or the code its first message refused the query with.</summary>
    private sealed record TransferRead(List<DnsResourceRecord> Records, int Messages, long BytesReceived, DnsResponseCode? Refused);
}
