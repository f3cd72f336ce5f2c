namespace LambdaSuite.Data.Fanout;

/// <summary>Names of <see cref="FanoutTargetType"/> as the table and the CLI write them.</summary>
public static class FanoutTargetTypes
{
    public static string NameOf(FanoutTargetType type) => type switch
    {
        FanoutTargetType.Kinesis => "kinesis",
        FanoutTargetType.Sqs => "sqs",
        FanoutTargetType.Sns => "sns",
        FanoutTargetType.Firehose => "firehose",
        FanoutTargetType.Iot => "iot",
        FanoutTargetType.Lambda => "lambda",
        FanoutTargetType.OpenSearch => "opensearch",
        FanoutTargetType.Redis => "redis",
        FanoutTargetType.Memcached => "memcached",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown target type."),
    };

    /// <summary>Accepts the names above, case-insensitively, and the original's aliases (<c>es</c>, <c>elasticsearch</c>).</summary>
    public static bool TryParse(string? text, out FanoutTargetType type)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "kinesis": type = FanoutTargetType.Kinesis; return true;
            case "sqs": type = FanoutTargetType.Sqs; return true;
            case "sns": type = FanoutTargetType.Sns; return true;
            case "firehose": type = FanoutTargetType.Firehose; return true;
            case "iot": type = FanoutTargetType.Iot; return true;
            case "lambda": type = FanoutTargetType.Lambda; return true;
            case "opensearch" or "es" or "elasticsearch": type = FanoutTargetType.OpenSearch; return true;
            case "redis": type = FanoutTargetType.Redis; return true;
            case "memcached": type = FanoutTargetType.Memcached; return true;
            default: type = default; return false;
        }
    }

    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<FanoutTargetType>().Select(NameOf)];
}
