using System.CommandLine;
using LambdaSuite.Data.Fanout;

namespace LambdaSuite.Cli.Fanout;

/// <summary>The per-target options of <c>register</c> and <c>update</c>: one option per mapping field.</summary>
internal sealed class FanoutTargetOptions
{
    public Option<string> Source { get; } = new("--source") { Description = "Source stream ARN (Kinesis or DynamoDB Streams; aws, aws-cn, aws-us-gov).", Required = true };

    public Option<string> Id { get; } = new("--id") { Description = "Mapping id, unique per source.", Required = true };

    public Option<string> Destination { get; } = new("--destination") { Description = "Stream/queue/topic/function ARN or name, queue URL, OpenSearch URL or host:port." };

    public Option<bool> Active { get; } = new("--active") { Description = "Deliver to this target (inactive when absent on register)." };

    public Option<string> Role { get; } = new("--role") { Description = "IAM role ARN to assume (cross-account)." };

    public Option<string> ExternalId { get; } = new("--external-id") { Description = "External id for the role." };

    public Option<string> Region { get; } = new("--region") { Description = "Destination region (cross-region)." };

    public Option<string> Collapse { get; } = new("--collapse") { Description = "none, JSON, concat or concat-b64." };

    public Option<int> Parallel { get; } = new("--parallel") { Description = "Calls in flight for unordered targets (1-64)." };

    public Option<bool> ConvertDdb { get; } = new("--convert-ddb") { Description = "DynamoDB records as plain JSON." };

    public Option<bool> Deaggregate { get; } = new("--deaggregate") { Description = "Unpack KPL aggregated records." };

    public Option<bool> AppendNewlines { get; } = new("--append-newlines") { Description = "End every record with a newline." };

    public Option<string> DeadLetter { get; } = new("--dead-letter") { Description = "SQS queue (URL or ARN) for records that cannot be delivered." };

    public Option<string> FifoGroup { get; } = new("--fifo-group") { Description = "FIFO message group: partitionKey (default) or a fixed group." };

    public Option<string> Deduplication { get; } = new("--deduplication") { Description = "FIFO de-duplication id: sequence (default) or content." };

    public Option<string> Index { get; } = new("--index") { Description = "OpenSearch index." };

    public Option<string> Topic { get; } = new("--topic") { Description = "IoT topic." };

    public Option<int> Qos { get; } = new("--qos") { Description = "IoT QoS, 0 or 1." };

    public Option<int> Ttl { get; } = new("--ttl") { Description = "Redis/memcached entry lifetime in seconds (0: none)." };

    public Option<string> KeyPrefix { get; } = new("--key-prefix") { Description = "Redis/memcached key prefix." };

    public Option<bool> Tls { get; } = new("--tls") { Description = "Redis over TLS." };

    public Option<string> Auth { get; } = new("--auth") { Description = "Redis AUTH: password or user:password." };

    public IEnumerable<Option> All() =>
    [
        Source, Id, Destination, Active, Role, ExternalId, Region, Collapse, Parallel, ConvertDdb, Deaggregate, AppendNewlines,
        DeadLetter, FifoGroup, Deduplication, Index, Topic, Qos, Ttl, KeyPrefix, Tls, Auth,
    ];

    /// <summary>The options given on the command line, applied over <paramref name="target"/>; absent ones keep its value.</summary>
    public FanoutTarget Apply(ParseResult parse, FanoutTarget target)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(target);
        var collapse = target.Collapse;
        if (Given(parse, Collapse) && !FanoutTargetMapper.TryParseCollapse(parse.GetValue(Collapse), out collapse))
        {
            throw new ArgumentException($"--collapse '{parse.GetValue(Collapse)}' is not none, JSON, concat or concat-b64.");
        }

        var deduplication = target.Deduplication;
        if (Given(parse, Deduplication) && !FanoutTargetMapper.TryParseDeduplication(parse.GetValue(Deduplication), out deduplication))
        {
            throw new ArgumentException($"--deduplication '{parse.GetValue(Deduplication)}' is not sequence or content.");
        }

        return target with
        {
            Destination = Pick(parse, Destination, target.Destination)!,
            Active = Given(parse, Active) ? parse.GetValue(Active) : target.Active,
            Role = Pick(parse, Role, target.Role),
            ExternalId = Pick(parse, ExternalId, target.ExternalId),
            Region = Pick(parse, Region, target.Region),
            Collapse = collapse,
            Parallel = Given(parse, Parallel) ? parse.GetValue(Parallel) : target.Parallel,
            ConvertDdb = Given(parse, ConvertDdb) ? parse.GetValue(ConvertDdb) : target.ConvertDdb,
            Deaggregate = Given(parse, Deaggregate) ? parse.GetValue(Deaggregate) : target.Deaggregate,
            AppendNewlines = Given(parse, AppendNewlines) ? parse.GetValue(AppendNewlines) : target.AppendNewlines,
            DeadLetter = Pick(parse, DeadLetter, target.DeadLetter),
            FifoGroup = Pick(parse, FifoGroup, target.FifoGroup),
            Deduplication = deduplication,
            Index = Pick(parse, Index, target.Index),
            Topic = Pick(parse, Topic, target.Topic),
            Qos = Given(parse, Qos) ? parse.GetValue(Qos) : target.Qos,
            Ttl = Given(parse, Ttl) ? parse.GetValue(Ttl) : target.Ttl,
            KeyPrefix = Pick(parse, KeyPrefix, target.KeyPrefix),
            Tls = Given(parse, Tls) ? parse.GetValue(Tls) : target.Tls,
            Auth = Pick(parse, Auth, target.Auth),
        };
    }

    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    // An empty value clears an optional field on update ("--role ''").
    private static string? Pick(ParseResult parse, Option<string> option, string? current) =>
        Given(parse, option) ? (string.IsNullOrEmpty(parse.GetValue(option)) ? null : parse.GetValue(option)) : current;
}
