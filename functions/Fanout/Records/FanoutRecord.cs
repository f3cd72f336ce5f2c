namespace Fanout.Records;

/// <summary>
/// One record as a target receives it. <see cref="ParentIndex"/> is the Lambda event record it came from (what a
/// batch item failure names); <see cref="SubIndex"/> is its place inside a KPL aggregate, or -1.
/// </summary>
public readonly record struct FanoutRecord(int ParentIndex, int SubIndex, string PartitionKey, string? ExplicitHashKey, ReadOnlyMemory<byte> Data);
