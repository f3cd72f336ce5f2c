namespace DnsMirror.Commands;

/// <summary>A transferred zone as text, the way <c>suite dns axfr</c> prints it: the records in transfer order, and the SOA that opened the transfer.</summary>
public sealed record ZoneListing(
    string Origin,
    uint Serial,
    string Source,
    IReadOnlyList<ZoneListingRecord> Records,
    ZoneListingRecord? Soa,
    int MessageCount,
    long ByteCount);
