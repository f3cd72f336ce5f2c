namespace DnsMirror.Wire;

/// <summary>One entry of the question (or, in an UPDATE, the zone) section (RFC 1035 §4.1.2).</summary>
internal readonly record struct DnsQuestion(string Name, DnsRecordType Type, ushort Class);
