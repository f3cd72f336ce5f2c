using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LambdaSuite.Aws.Endpoints;

namespace LambdaSuite.Data;

/// <summary>
/// Builds the one DynamoDB client shape the suite uses: the SDK's standard retry mode (throttling errors
/// retried with backoff), the endpoint and region the standard variables name, and, against a configured
/// endpoint with no credentials in the environment, dummy credentials so the local stack needs no account.
/// </summary>
public static class DynamoDbClientFactory
{
    /// <summary>Access key used against a configured endpoint when the environment holds none.</summary>
    public const string LocalAccessKey = "local";

    /// <summary>Creates a client from <paramref name="environment"/> (the process's, or a test's).</summary>
    public static IAmazonDynamoDB Create(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var config = CreateConfig(environment);
        var localCredentials = LocalCredentials(environment);
        return localCredentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(localCredentials, config);
    }

    /// <summary>
    /// Dummy credentials when an endpoint is configured and the environment names no credentials; null when
    /// the SDK's default chain should find real ones.
    /// </summary>
    public static AWSCredentials? LocalCredentials(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var endpoint = new AwsEndpointResolver(environment).ConfiguredEndpoint(AwsService.DynamoDb);
        return endpoint is not null && !HasEnvironmentCredentials(environment)
            ? new BasicAWSCredentials(LocalAccessKey, LocalAccessKey)
            : null;
    }

    /// <summary>The client configuration <see cref="Create"/> uses; separate so its choices can be checked offline.</summary>
    public static AmazonDynamoDBConfig CreateConfig(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var resolver = new AwsEndpointResolver(environment);
        var config = new AmazonDynamoDBConfig
        {
            RetryMode = RequestRetryMode.Standard,
            ThrottleRetries = true,
        };

        // The DynamoDB client sets its own retry count (10), which hides the standard AWS_MAX_ATTEMPTS
        // variable; honour it so a caller can bound how long an unreachable endpoint is retried.
        if (int.TryParse(environment("AWS_MAX_ATTEMPTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) && attempts >= 1)
        {
            config.MaxErrorRetry = attempts - 1;
        }

        var endpoint = resolver.ConfiguredEndpoint(AwsService.DynamoDb);
        if (endpoint is null)
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(resolver.Region);
        }
        else
        {
            // A local or LocalStack endpoint says nothing about the region; sign with the configured one.
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = resolver.Region;
        }

        return config;
    }

    // Keys in the environment, or a profile or container credentials the SDK's chain will find.
    private static bool HasEnvironmentCredentials(Func<string, string?> environment) =>
        !string.IsNullOrWhiteSpace(environment("AWS_ACCESS_KEY_ID"))
        || !string.IsNullOrWhiteSpace(environment("AWS_PROFILE"))
        || !string.IsNullOrWhiteSpace(environment("AWS_CONTAINER_CREDENTIALS_FULL_URI"))
        || !string.IsNullOrWhiteSpace(environment("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"));
}
