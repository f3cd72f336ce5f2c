namespace LambdaSuite.Data.Fanout;

/// <summary>Where a mapping delivers; the table stores the lower-case name (<see cref="FanoutTargetTypes"/>).</summary>
public enum FanoutTargetType
{
    Kinesis,
    Sqs,
    Sns,
    Firehose,
    Iot,
    Lambda,
    OpenSearch,
    Redis,
    Memcached,
}
