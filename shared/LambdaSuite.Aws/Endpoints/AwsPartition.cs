namespace LambdaSuite.Aws.Endpoints;

/// <summary>The partitions the suite runs in: aws, aws-cn and aws-us-gov.</summary>
public static class AwsPartition
{
    public static string NameOf(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return "aws-cn";
        }

        return region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";
    }

    public static string DnsSuffixOf(string region) => NameOf(region) == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";

    /// <summary>Region that signs requests to a global service (Route 53) in the region's partition.</summary>
    public static string GlobalSigningRegionOf(string region) => NameOf(region) switch
    {
        "aws-cn" => "cn-northwest-1",
        "aws-us-gov" => "us-gov-west-1",
        _ => "us-east-1",
    };
}
