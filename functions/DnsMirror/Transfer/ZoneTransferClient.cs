using System.Security.Cryptography;
using DnsMirror.Tsig;
using DnsMirror.Wire;

namespace DnsMirror.Transfer;

/// <summary>
/// Reads a zone from its masters: SOA serial check, then AXFR over TCP (RFC 5936), TSIG-signed when a key is
/// set (RFC 8945). Masters are tried in order within one overall deadline; each attempt has its own timeout.
/// </summary>
internal sealed partial class ZoneTransferClient
{
    private readonly ZoneTransferOptions _options;
    private readonly TimeProvider _time;

    public ZoneTransferClient(ZoneTransferOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Masters.Count == 0)
        {
            throw new ArgumentException("at least one master is needed", nameof(options));
        }

        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Asks each master for the SOA; transfers only when its serial is newer than <paramref name="knownSerial"/>
    /// by RFC 1982 arithmetic (or none is known). A master that is behind is reported, never mirrored; so is a
    /// transfer whose own serial is not newer than the known one or is older than the SOA answer's (the SOA query
    /// and the AXFR are two connections, which may reach two servers behind one address).
    /// </summary>
    public Task<ZoneTransferResult> TransferIfNewerAsync(string zone, uint? knownSerial, CancellationToken cancellationToken = default)
    {
        zone = NormalizeZone(zone);
        return RunOnMastersAsync(async (master, token) =>
        {
            var serial = await QuerySerialAsync(master, zone, token).ConfigureAwait(false);
            if (knownSerial is { } known && !SerialNumber.IsNewer(serial, known))
            {
                return new ZoneTransferResult(serial == known ? TransferOutcome.Unchanged : TransferOutcome.MasterBehind, serial, master.ToString(), null);
            }

            var snapshot = await TransferAsync(master, zone, token).ConfigureAwait(false);
            return TransferBehind(snapshot.Serial, serial, knownSerial) is { } reason
                ? new ZoneTransferResult(TransferOutcome.MasterBehind, snapshot.Serial, master.ToString(), null, reason)
                : new ZoneTransferResult(TransferOutcome.Transferred, snapshot.Serial, master.ToString(), snapshot);
        }, cancellationToken);
    }

    /// <summary>Transfers the whole zone from the first master that delivers it completely.</summary>
    public Task<ZoneSnapshot> TransferAsync(string zone, CancellationToken cancellationToken = default)
    {
        zone = NormalizeZone(zone);
        return RunOnMastersAsync((master, token) => TransferAsync(master, zone, token), cancellationToken);
    }

    /// <summary>The zone's SOA serial from the first master that answers.</summary>
    public Task<uint> QuerySerialAsync(string zone, CancellationToken cancellationToken = default)
    {
        zone = NormalizeZone(zone);
        return RunOnMastersAsync((master, token) => QuerySerialAsync(master, zone, token), cancellationToken);
    }

    /// <summary>
    /// Sends one request (signed when a key is set) and returns the single, verified response; used for SOA
    /// queries and RFC 2136 UPDATEs. Response codes are left to the caller.
    /// </summary>
    public Task<DnsMessage> ExchangeAsync(byte[] request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunOnMastersAsync((master, token) => ExchangeAsync(master, request, token), cancellationToken);
    }

    /// <summary>Why a transfer carrying <paramref name="transferred"/> must not be mirrored; null when it may.</summary>
    private static string? TransferBehind(uint transferred, uint answered, uint? known)
    {
        if (known is { } last && !SerialNumber.IsNewer(transferred, last))
        {
            return $"the transfer carried serial {transferred}, not newer than the last mirrored {last}";
        }

        return SerialNumber.Compare(transferred, answered) is null or < 0
            ? $"the transfer carried serial {transferred}, older than the {answered} the SOA query answered"
            : null;
    }

    internal static ushort NewMessageId() => (ushort)RandomNumberGenerator.GetInt32(0, 65536);

    private static string NormalizeZone(string zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DomainNameText.TryNormalize(zone, NameEscapeStyle.Decimal, lowercase: false, out var normalized)
            ? normalized
            : throw new ArgumentException($"'{zone}' is not a domain name", nameof(zone));
    }

    private async Task<uint> QuerySerialAsync(DnsMaster master, string zone, CancellationToken cancellationToken)
    {
        var response = await ExchangeAsync(master, DnsQueryBuilder.Build(NewMessageId(), zone, DnsRecordType.SOA), cancellationToken).ConfigureAwait(false);
        ThrowOnErrorCode(master, zone, response.Header.ResponseCode);
        var soa = response.Answers.FirstOrDefault(r => r.Type == DnsRecordType.SOA && string.Equals(r.Name, zone, StringComparison.OrdinalIgnoreCase));
        if (soa is null || soa.Data.Length < 20)
        {
            throw new ZoneTransferException($"{master}: no SOA for {zone} in the answer (is it authoritative for the zone?)");
        }

        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(soa.Data.AsSpan(soa.Data.Length - 20));
    }

    private async Task<DnsMessage> ExchangeAsync(DnsMaster master, byte[] request, CancellationToken cancellationToken)
    {
        var (wire, verifier) = Sign(request);
        using (verifier)
        {
            await using var channel = await DnsTcpChannel.ConnectAsync(master, cancellationToken).ConfigureAwait(false);
            await channel.SendAsync(wire, cancellationToken).ConfigureAwait(false);
            var raw = await channel.ReceiveAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new ZoneTransferException($"{master}: connection closed without a response");
            var response = DnsMessageParser.Parse(raw.Span);
            CheckHeader(master, response.Header, request);
            if (verifier is not null)
            {
                if (response.Tsig is null && response.Header.ResponseCode != DnsResponseCode.NoError)
                {
                    ThrowOnErrorCode(master, "the request", response.Header.ResponseCode);
                }

                verifier.Verify(raw.Span, response);
                verifier.Complete();
            }

            return response;
        }
    }

    private (byte[] Wire, TsigResponseVerifier? Verifier) Sign(byte[] request)
    {
        if (_options.Key is null)
        {
            return (request, null);
        }

        var (signed, mac) = TsigSigner.Sign(request, _options.Key, _time.GetUtcNow());
        return (signed, new TsigResponseVerifier(_options.Key, mac, _time));
    }

    private static void CheckHeader(DnsMaster master, in DnsHeader header, byte[] request)
    {
        var id = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(request);
        if (!header.IsResponse || header.Id != id)
        {
            throw new ZoneTransferException($"{master}: response does not match the request (id {header.Id}, expected {id})");
        }

        if (header.IsTruncated)
        {
            throw new ZoneTransferException($"{master}: TC set on a TCP response");
        }
    }

    private static void ThrowOnErrorCode(DnsMaster master, string subject, DnsResponseCode code)
    {
        var reason = code switch
        {
            DnsResponseCode.NoError => null,
            DnsResponseCode.Refused => $"{master} REFUSED {subject} (transfer not allowed for this client or key)",
            DnsResponseCode.NotAuth => $"{master} answered NOTAUTH for {subject} (not authoritative, or the TSIG key is not accepted)",
            DnsResponseCode.NotImp => $"{master} does not implement {subject} (NOTIMP)",
            _ => $"{master} answered {code} for {subject}",
        };
        if (reason is not null)
        {
            throw new ZoneTransferException(reason);
        }
    }

    private async Task<T> RunOnMastersAsync<T>(Func<DnsMaster, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.Deadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var failures = new List<Exception>();
        foreach (var master in _options.Masters)
        {
            using var attemptTimeout = new CancellationTokenSource(_options.AttemptTimeout, _time);
            using var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(linked.Token, attemptTimeout.Token);
            try
            {
                return await attempt(master, attemptToken.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add(new ZoneTransferException(deadline.IsCancellationRequested
                    ? $"{master}: overall deadline of {_options.Deadline.TotalSeconds} s passed"
                    : $"{master}: timed out after {_options.AttemptTimeout.TotalSeconds} s", exception));
                if (deadline.IsCancellationRequested)
                {
                    break;
                }
            }
            catch (Exception exception) when (exception is ZoneTransferException or TsigException or DnsFormatException or System.Net.Sockets.SocketException or IOException)
            {
                failures.Add(exception is ZoneTransferException ? exception : new ZoneTransferException($"{master}: {exception.Message}", exception));
            }
        }

        throw new ZoneTransferException($"no master succeeded ({failures.Count} tried)", failures);
    }
}
