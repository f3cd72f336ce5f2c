using System.Diagnostics.CodeAnalysis;

namespace LambdaSuite.Data.Fanout;

/// <summary>
/// An ARN split into its six parts (<c>arn:partition:service:region:account:resource</c>). Every partition the suite
/// runs in is accepted (aws, aws-cn, aws-us-gov); the original accepted only <c>aws</c>.
/// </summary>
public sealed record AwsArn(string Partition, string Service, string Region, string Account, string Resource)
{
    public static IReadOnlyList<string> Partitions { get; } = ["aws", "aws-cn", "aws-us-gov"];

    public static bool TryParse(string? text, [NotNullWhen(true)] out AwsArn? arn)
    {
        arn = null;
        if (string.IsNullOrEmpty(text) || !text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text.Split(':', 6);
        if (parts.Length != 6 || !Partitions.Contains(parts[1]) || parts[2].Length == 0 || parts[5].Length == 0)
        {
            return false;
        }

        arn = new AwsArn(parts[1], parts[2], parts[3], parts[4], parts[5]);
        return true;
    }

    /// <summary>The name after <paramref name="resourceType"/>'s separator ("stream/x", "function:x"), or null.</summary>
    public string? ResourceName(string resourceType)
    {
        if (Resource.StartsWith(resourceType + "/", StringComparison.Ordinal) || Resource.StartsWith(resourceType + ":", StringComparison.Ordinal))
        {
            var name = Resource[(resourceType.Length + 1)..];
            return name.Length == 0 ? null : name;
        }

        return null;
    }

    /// <summary>Kinesis stream ARN (<c>…:kinesis:…:stream/NAME</c>) or DynamoDB stream ARN (<c>…:dynamodb:…:table/T/stream/LABEL</c>).</summary>
    public bool IsStreamSource =>
        (Service == "kinesis" && ResourceName("stream") is { } name && !name.Contains('/', StringComparison.Ordinal))
        || (Service == "dynamodb" && Resource.StartsWith("table/", StringComparison.Ordinal) && Resource.Contains("/stream/", StringComparison.Ordinal));

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";
}
