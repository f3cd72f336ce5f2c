namespace DnsMirror.Commands;

/// <summary>One resource record in presentation format: owner name, TTL, type mnemonic and RDATA text.</summary>
public sealed record ZoneListingRecord(string Name, uint Ttl, string Type, string Data);
