namespace Fanout.Records;

/// <summary>A record that could not go to its target, with the reason; it goes to the dead-letter destination.</summary>
internal sealed record RecordProblem(RecordProblemKind Kind, int ParentIndex, int SubIndex, string PartitionKey, ReadOnlyMemory<byte> Data, string Reason);
