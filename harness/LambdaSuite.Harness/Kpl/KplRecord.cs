namespace LambdaSuite.Harness.Kpl;

/// <summary>One user record to put into a KPL aggregate.</summary>
public readonly record struct KplRecord(string PartitionKey, string? ExplicitHashKey, ReadOnlyMemory<byte> Data);
