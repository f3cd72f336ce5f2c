namespace LambdaSuite.Aws.Kinesis;

/// <summary>Where a shard iterator starts (the API's enum values).</summary>
public static class ShardIteratorType
{
    public const string AtSequenceNumber = "AT_SEQUENCE_NUMBER";
    public const string AfterSequenceNumber = "AFTER_SEQUENCE_NUMBER";
    public const string TrimHorizon = "TRIM_HORIZON";
    public const string Latest = "LATEST";
    public const string AtTimestamp = "AT_TIMESTAMP";
}
