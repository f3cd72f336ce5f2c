namespace DnsMirror.Wire;

/// <summary>
/// One resource record (RFC 1035 §4.1.3). <see cref="Data"/> is the RDATA with every compression pointer
/// expanded, so it stands alone: it can be compared, formatted and written into another message.
/// </summary>
internal sealed class DnsResourceRecord
{
    public DnsResourceRecord(string name, DnsRecordType type, ushort @class, uint ttl, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(data);
        Name = name;
        Type = type;
        Class = @class;
        Ttl = ttl;
        Data = data;
    }

    /// <summary>Owner name as absolute presentation text, case as on the wire.</summary>
    public string Name { get; }

    public DnsRecordType Type { get; }

    public ushort Class { get; }

    public uint Ttl { get; }

    public byte[] Data { get; }

    public override string ToString() =>
        $"{Name} {Ttl} {DnsTypeNames.ToText(Type)} {RDataFormatter.Format(Type, Data)}";
}
