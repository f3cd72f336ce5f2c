namespace Fanout.Records;

public enum SourceKind
{
    Kinesis,
    DynamoDbStreams,
}
