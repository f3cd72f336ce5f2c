namespace LambdaSuite.Data.Fanout;

/// <summary>Attribute names of a <c>fanoutTargets</c> row, in one place (the original's names where it had one).</summary>
public static class FanoutAttributes
{
    public const string SourceArn = "sourceArn";
    public const string Id = "id";
    public const string Type = "type";
    public const string Destination = "destination";
    public const string Active = "active";
    public const string Role = "role";
    public const string ExternalId = "externalId";
    public const string Region = "region";
    public const string Collapse = "collapse";
    public const string Parallel = "parallel";
    public const string ConvertDdb = "convertDDB";
    public const string Deaggregate = "deaggregate";
    public const string AppendNewlines = "appendNewlines";
    public const string DeadLetter = "deadLetter";
    public const string FifoGroup = "fifoGroup";
    public const string Deduplication = "deduplication";
    public const string Index = "index";
    public const string Topic = "topic";
    public const string Qos = "qos";
    public const string Ttl = "ttl";
    public const string KeyPrefix = "keyPrefix";
    public const string Tls = "tls";
    public const string Auth = "auth";
    public const string UpdatedAt = "updatedAt";
}
