using System.Buffers.Binary;
using System.Security.Cryptography;
using DnsMirror.Wire;

namespace DnsMirror.Tsig;

/// <summary>
/// Verifies the responses to one signed request (RFC 8945 §5.3). The first response message must be signed;
/// later ones (a zone transfer, §5.3.1) may leave out the TSIG on at most 99 messages in a row, their octets
/// still enter the next MAC, and the last message must be signed (<see cref="Complete"/>).
/// </summary>
internal sealed class TsigResponseVerifier : IDisposable
{
    public const int MaxUnsignedInARow = 99;

    private readonly TsigKey _key;
    private readonly TimeProvider _time;
    private IncrementalHash _hmac;
    private bool _first = true;
    private int _unsignedInARow;

    public TsigResponseVerifier(TsigKey key, ReadOnlySpan<byte> requestMac, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(time);
        _key = key;
        _time = time;
        _hmac = key.CreateHmac();
        TsigSigner.AppendMac(_hmac, requestMac);
    }

    /// <summary>Checks one response message; throws <see cref="TsigException"/> when it fails.</summary>
    public void Verify(ReadOnlySpan<byte> raw, DnsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Tsig is null)
        {
            if (_first)
            {
                throw new TsigException(message.Header.ResponseCode == DnsResponseCode.NotAuth
                    ? "server answered NOTAUTH without a TSIG: it does not know key " + _key.Name
                    : $"response is not signed (rcode {message.Header.ResponseCode}); expected TSIG with key {_key.Name}");
            }

            if (++_unsignedInARow > MaxUnsignedInARow)
            {
                throw new TsigException($"more than {MaxUnsignedInARow} unsigned messages in a row (RFC 8945 §5.3.1)");
            }

            _hmac.AppendData(raw);
            return;
        }

        if (!string.Equals(message.Tsig.Name, _key.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new TsigException($"response signed with key {message.Tsig.Name}, expected {_key.Name}");
        }

        if (!TsigRecordData.TryParse(message.Tsig.Data, out var tsig) || tsig is null)
        {
            throw new TsigException("response TSIG RDATA is malformed");
        }

        if (tsig.Error != DnsResponseCode.NoError)
        {
            throw new TsigException($"server rejected the request's TSIG: {tsig.Error}");
        }

        if (!string.Equals(tsig.Algorithm, _key.Algorithm, StringComparison.Ordinal))
        {
            throw new TsigException($"response uses TSIG algorithm {tsig.Algorithm}, expected {_key.Algorithm}");
        }

        // §5.3: the MAC covers the message as it was before the TSIG was added: original ID, ARCOUNT - 1.
        Span<byte> header = stackalloc byte[DnsHeader.Size];
        raw[..DnsHeader.Size].CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(header, tsig.OriginalId);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)(BinaryPrimitives.ReadUInt16BigEndian(header[10..]) - 1));
        _hmac.AppendData(header);
        _hmac.AppendData(raw[DnsHeader.Size..message.TsigOffset]);
        if (_first)
        {
            TsigSigner.AppendVariables(_hmac, _key, tsig.TimeSigned, tsig.Fudge, tsig.Error, tsig.OtherData);
        }
        else
        {
            TsigSigner.AppendTimers(_hmac, tsig.TimeSigned, tsig.Fudge);
        }

        var expected = _hmac.GetHashAndReset();
        if (tsig.Mac.Length != expected.Length || !CryptographicOperations.FixedTimeEquals(expected, tsig.Mac))
        {
            throw new TsigException("response MAC does not verify (BADSIG): wrong key secret or altered message");
        }

        var now = (ulong)_time.GetUtcNow().ToUnixTimeSeconds();
        var skew = now > tsig.TimeSigned ? now - tsig.TimeSigned : tsig.TimeSigned - now;
        if (skew > tsig.Fudge)
        {
            throw new TsigException($"response signed {skew} s away from our clock, fudge is {tsig.Fudge} s (BADTIME)");
        }

        _first = false;
        _unsignedInARow = 0;
        _hmac.Dispose();
        _hmac = _key.CreateHmac();
        TsigSigner.AppendMac(_hmac, tsig.Mac);
    }

    /// <summary>Call after the last message: RFC 8945 §5.3.1 requires it to be signed.</summary>
    public void Complete()
    {
        if (_first || _unsignedInARow > 0)
        {
            throw new TsigException("the last message of the response is not signed");
        }
    }

    public void Dispose() => _hmac.Dispose();
}
