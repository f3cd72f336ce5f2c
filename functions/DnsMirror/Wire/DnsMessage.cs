namespace DnsMirror.Wire;

/// <summary>A parsed DNS message. <see cref="TsigOffset"/> marks where a trailing TSIG RR starts (RFC 8945 §5.1).</summary>
internal sealed class DnsMessage
{
    public DnsMessage(DnsHeader header, IReadOnlyList<DnsQuestion> questions, IReadOnlyList<DnsResourceRecord> answers, IReadOnlyList<DnsResourceRecord> authorities, IReadOnlyList<DnsResourceRecord> additionals, DnsResourceRecord? tsig, int tsigOffset)
    {
        Header = header;
        Questions = questions;
        Answers = answers;
        Authorities = authorities;
        Additionals = additionals;
        Tsig = tsig;
        TsigOffset = tsigOffset;
    }

    public DnsHeader Header { get; }

    public IReadOnlyList<DnsQuestion> Questions { get; }

    public IReadOnlyList<DnsResourceRecord> Answers { get; }

    public IReadOnlyList<DnsResourceRecord> Authorities { get; }

    /// <summary>Additional section without the TSIG RR.</summary>
    public IReadOnlyList<DnsResourceRecord> Additionals { get; }

    /// <summary>The TSIG RR when the message is signed; it is always the last RR.</summary>
    public DnsResourceRecord? Tsig { get; }

    /// <summary>Offset of the TSIG RR, or -1.</summary>
    public int TsigOffset { get; }
}
