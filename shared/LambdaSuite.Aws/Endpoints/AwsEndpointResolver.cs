namespace LambdaSuite.Aws.Endpoints;

/// <summary>
/// Resolves region and endpoint the way the AWS SDKs do, so one set of variables points every client,
/// official or in-house, at AWS, at the local stack, or at LocalStack:
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, then the public endpoint of the
/// region's partition. <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c> turns the overrides off.
/// </summary>
public sealed class AwsEndpointResolver(Func<string, string?> getEnvironmentVariable)
{
    public const string DefaultRegion = "us-east-1";

    public static AwsEndpointResolver FromProcessEnvironment { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary><c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then us-east-1 (what the local stack expects).</summary>
    public string Region =>
        NonEmpty(getEnvironmentVariable("AWS_REGION"))
        ?? NonEmpty(getEnvironmentVariable("AWS_DEFAULT_REGION"))
        ?? DefaultRegion;

    /// <summary>The configured override for <paramref name="service"/>, or null when the public endpoint applies.</summary>
    public Uri? ConfiguredEndpoint(AwsService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (string.Equals(getEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var configured = NonEmpty(getEnvironmentVariable("AWS_ENDPOINT_URL_" + service.EndpointId))
            ?? NonEmpty(getEnvironmentVariable("AWS_ENDPOINT_URL"));
        if (configured is null)
        {
            return null;
        }

        return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"Endpoint for {service.EndpointId} is not an http(s) URL: '{configured}'.");
    }

    /// <summary>The endpoint to call for <paramref name="service"/> in <paramref name="region"/> (default: <see cref="Region"/>).</summary>
    public Uri Resolve(AwsService service, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        var configured = ConfiguredEndpoint(service);
        if (configured is not null)
        {
            return configured;
        }

        region ??= Region;
        var suffix = AwsPartition.DnsSuffixOf(region);
        if (service.IsGlobal)
        {
            var host = region.StartsWith("us-gov-", StringComparison.Ordinal) ? $"{service.HostPrefix}.us-gov.{suffix}" : $"{service.HostPrefix}.{suffix}";
            return new Uri($"https://{host}/");
        }

        return new Uri($"https://{service.HostPrefix}.{region}.{suffix}/");
    }

    /// <summary>The region SigV4 signs with for <paramref name="service"/> (global services sign in the partition's home region).</summary>
    public string SigningRegion(AwsService service, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        region ??= Region;
        return service.IsGlobal ? AwsPartition.GlobalSigningRegionOf(region) : region;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
