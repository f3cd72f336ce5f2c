namespace DnsMirror.Wire;

/// <summary>
/// The fixed 12-octet header (RFC 1035 §4.1.1):
/// ID, QR|OPCODE|AA|TC|RD|RA|Z|RCODE, QDCOUNT, ANCOUNT, NSCOUNT, ARCOUNT.
/// </summary>
internal readonly record struct DnsHeader(
    ushort Id,
    ushort Flags,
    ushort QuestionCount,
    ushort AnswerCount,
    ushort AuthorityCount,
    ushort AdditionalCount)
{
    public const int Size = 12;
    public const int OpcodeQuery = 0;
    public const int OpcodeUpdate = 5;

    public bool IsResponse => (Flags & 0x8000) != 0;

    public int Opcode => (Flags >> 11) & 0xF;

    public bool IsAuthoritative => (Flags & 0x0400) != 0;

    public bool IsTruncated => (Flags & 0x0200) != 0;

    public DnsResponseCode ResponseCode => (DnsResponseCode)(Flags & 0xF);
}
