namespace Fanout.Records;

internal enum SourceKind
{
    Kinesis,
    DynamoDbStreams,
}
