namespace Fanout.Kpl;

/// <summary>One user record inside an aggregate; <see cref="Data"/> is a slice of the aggregate's buffer (no copy).</summary>
internal readonly record struct KplUserRecord(string PartitionKey, string? ExplicitHashKey, ReadOnlyMemory<byte> Data);
