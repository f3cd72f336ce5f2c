namespace Fanout.Records;

/// <summary>
/// One record as a target receives it. <see cref="ParentIndex"/> is the Lambda event record it came from (what a
/// batch item failure names); <see cref="SubIndex"/> is its place inside a KPL aggregate, or -1.
/// </summary>
internal readonly record struct FanoutRecord(int ParentIndex, int SubIndex, string PartitionKey, string? ExplicitHashKey, ReadOnlyMemory<byte> Data)
{
    /// <summary>
    /// <see cref="Data"/> as the event's JSON carried it (the <c>data</c> string token of a Kinesis record, quotes
    /// included, base64), or empty when the data was built here (KPL user records, DynamoDB JSON). Set only when
    /// the reader found that token canonical base64 (<see cref="KinesisEventReader.IsBase64"/>), so it holds nothing
    /// but whole base64 groups.
    /// </summary>
    public ReadOnlyMemory<byte> QuotedBase64Data { get; init; }
}
