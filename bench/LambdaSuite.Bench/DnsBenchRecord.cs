namespace LambdaSuite.Bench;

/// <summary>One generated RR in master-file form: absolute owner, type mnemonic, TTL, RDATA as a zone file writes it.</summary>
public sealed record DnsBenchRecord(string Name, string Type, uint Ttl, string Value);
