using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LambdaSuite.Data.Fanout;

/// <summary>Reads the destination forms a mapping may hold: ARNs in every partition, plain names, queue URLs, host:port.</summary>
public static class FanoutDestinations
{
    /// <summary>A stream-like name from <c>arn:…:SERVICE:…:TYPE/NAME</c> (or <c>TYPE:NAME</c>), or a bare name.</summary>
    public static bool TryStreamName(string? destination, string service, string resourceType, [NotNullWhen(true)] out string? name)
    {
        name = null;
        if (string.IsNullOrWhiteSpace(destination))
        {
            return false;
        }

        if (destination.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (AwsArn.TryParse(destination, out var arn) && arn.Service == service && arn.ResourceName(resourceType) is { } resource)
            {
                name = resource;
                return IsName(name.Split(':')[0]);
            }

            return false;
        }

        name = destination;
        return IsName(destination);
    }

    /// <summary>An SQS queue URL, given as URL or as ARN (which becomes the partition's public URL).</summary>
    public static bool TryQueueUrl(string? destination, string region, [NotNullWhen(true)] out string? queueUrl)
    {
        queueUrl = null;
        if (string.IsNullOrWhiteSpace(destination))
        {
            return false;
        }

        if (AwsArn.TryParse(destination, out var arn))
        {
            if (arn.Service != "sqs" || !IsName(arn.Resource) || arn.Account.Length == 0)
            {
                return false;
            }

            var suffix = arn.Partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
            queueUrl = $"https://sqs.{(arn.Region.Length > 0 ? arn.Region : region)}.{suffix}/{arn.Account}/{arn.Resource}";
            return true;
        }

        if (Uri.TryCreate(destination, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.AbsolutePath.Trim('/').Split('/') is [_, var name] && IsName(name))
        {
            queueUrl = destination;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The region a queue URL's host names: <c>sqs.REGION.amazonaws.com[.cn]</c>, the legacy
    /// <c>REGION.queue.amazonaws.com[.cn]</c>, and <c>queue.amazonaws.com</c> (us-east-1). SQS answers a queue only in
    /// its own region, so a URL destination without a mapping <c>region</c> is sent there, not to the function's region.
    /// </summary>
    public static bool TryRegionOfQueueUrl(string? destination, [NotNullWhen(true)] out string? region)
    {
        region = null;
        if (!Uri.TryCreate(destination, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.Host.ToLowerInvariant();
        var domain = host.EndsWith(".amazonaws.com.cn", StringComparison.Ordinal) ? ".amazonaws.com.cn"
            : host.EndsWith(".amazonaws.com", StringComparison.Ordinal) ? ".amazonaws.com" : null;
        if (domain is null)
        {
            return false;
        }

        var labels = host[..^domain.Length].Split('.');
        region = labels switch
        {
            ["sqs", var r] => r,
            [var r, "queue"] => r,
            ["queue"] => "us-east-1",
            _ => null,
        };
        return region is not null && region.Length > 0 && region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
    }

    public static bool IsFifoQueueOrTopic(string destination) => destination.EndsWith(".fifo", StringComparison.Ordinal);

    /// <summary><c>host:port</c>, optionally behind <c>redis://</c>/<c>rediss://</c>; the port defaults to <paramref name="defaultPort"/>.</summary>
    public static bool TryHostPort(string? destination, int defaultPort, [NotNullWhen(true)] out string? host, out int port)
    {
        host = null;
        port = defaultPort;
        if (string.IsNullOrWhiteSpace(destination))
        {
            return false;
        }

        var text = destination.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..].TrimEnd('/');
        }

        var colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                return false;
            }

            text = text[..colon];
        }

        if (text.Length == 0 || text.Any(c => char.IsWhiteSpace(c) || c is '/' or '@'))
        {
            return false;
        }

        host = text;
        return true;
    }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= 256 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
