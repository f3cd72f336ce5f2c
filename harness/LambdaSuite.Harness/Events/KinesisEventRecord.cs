namespace LambdaSuite.Harness.Events;

/// <summary>One record as a Kinesis event source mapping hands it to Lambda.</summary>
public readonly record struct KinesisEventRecord(string PartitionKey, string SequenceNumber, ReadOnlyMemory<byte> Data, double ArrivalSeconds);
