using System.Globalization;

namespace LambdaSuite.Data.Fanout;

/// <summary>Checks a target offline: source and destination shapes for its type, and every option's range.</summary>
public static class FanoutTargetValidator
{
    public static IReadOnlyList<string> Validate(FanoutTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var errors = new List<string>();
        if (!AwsArn.TryParse(target.SourceArn, out var source) || !source.IsStreamSource)
        {
            errors.Add($"sourceArn '{target.SourceArn}' is not a Kinesis or DynamoDB stream ARN in partition aws, aws-cn or aws-us-gov.");
        }

        if (string.IsNullOrWhiteSpace(target.Id))
        {
            errors.Add("id is empty.");
        }

        var destinationError = DestinationError(target);
        if (destinationError is not null)
        {
            errors.Add(destinationError);
        }

        if (target.Parallel is < 1 or > 64)
        {
            errors.Add($"parallel must be 1..64, got {target.Parallel.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (target.Role is not null && (!AwsArn.TryParse(target.Role, out var role) || role.Service != "iam" || role.ResourceName("role") is null))
        {
            errors.Add($"role '{target.Role}' is not an IAM role ARN.");
        }

        if (target.ExternalId is not null && target.Role is null)
        {
            errors.Add("externalId needs a role.");
        }

        if (target.Region is not null && !IsRegion(target.Region))
        {
            errors.Add($"region '{target.Region}' is not a region name.");
        }

        if (target.DeadLetter is not null && !FanoutDestinations.TryQueueUrl(target.DeadLetter, target.Region ?? "us-east-1", out _))
        {
            errors.Add($"deadLetter '{target.DeadLetter}' is not an SQS queue URL or ARN.");
        }

        if (target.Ttl < 0)
        {
            errors.Add("ttl must not be negative.");
        }

        if (target.Qos is < 0 or > 1)
        {
            errors.Add("qos must be 0 or 1.");
        }

        return errors;
    }

    private static string? DestinationError(FanoutTarget target)
    {
        var destination = target.Destination;
        var region = target.Region ?? "us-east-1";
        return target.Type switch
        {
            FanoutTargetType.Kinesis => FanoutDestinations.TryStreamName(destination, "kinesis", "stream", out _) ? null : $"destination '{destination}' is not a Kinesis stream ARN or name.",
            FanoutTargetType.Firehose => FanoutDestinations.TryStreamName(destination, "firehose", "deliverystream", out _) ? null : $"destination '{destination}' is not a Firehose delivery stream ARN or name.",
            FanoutTargetType.Sqs => FanoutDestinations.TryQueueUrl(destination, region, out _) ? null : $"destination '{destination}' is not an SQS queue URL or ARN.",
            FanoutTargetType.Sns => AwsArn.TryParse(destination, out var topic) && topic.Service == "sns" && !topic.Resource.Contains(':', StringComparison.Ordinal) ? null : $"destination '{destination}' is not an SNS topic ARN.",
            FanoutTargetType.Lambda => FanoutDestinations.TryStreamName(destination, "lambda", "function", out _) ? null : $"destination '{destination}' is not a Lambda function ARN or name.",
            FanoutTargetType.Iot => string.IsNullOrWhiteSpace(target.Topic) || target.Topic.Contains('#', StringComparison.Ordinal) || target.Topic.Contains('+', StringComparison.Ordinal)
                ? "iot needs a topic without wildcards (option topic)."
                : null,
            FanoutTargetType.OpenSearch => !Uri.TryCreate(destination, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                ? $"destination '{destination}' is not an http(s) OpenSearch endpoint."
                : string.IsNullOrWhiteSpace(target.Index) || target.Index.Any(c => c is '/' or '\\' or '*' or '?' or '"' or '<' or '>' or '|' or ' ' or ',' or '#') || target.Index != target.Index.ToLowerInvariant()
                    ? $"index '{target.Index}' is not an OpenSearch index name (lower case, none of \\/*?\"<>| ,#)."
                    : null,
            FanoutTargetType.Redis => FanoutDestinations.TryHostPort(destination, 6379, out _, out _) ? null : $"destination '{destination}' is not host:port (redis:// or rediss:// allowed).",
            FanoutTargetType.Memcached => FanoutDestinations.TryHostPort(destination, 11211, out _, out _) ? null : $"destination '{destination}' is not host:port.",
            _ => $"type {target.Type} is unknown.",
        };
    }

    private static bool IsRegion(string region) =>
        region.Length is >= 9 and <= 20 && region.Count(c => c == '-') >= 2 && region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
