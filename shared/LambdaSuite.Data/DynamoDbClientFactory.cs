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
        var resolver = new AwsEndpointResolver(environment);
        var config = CreateConfig(resolver);
        return resolver.ConfiguredEndpoint(AwsService.DynamoDb) is not null && !HasEnvironmentCredentials(environment)
            ? new AmazonDynamoDBClient(new BasicAWSCredentials(LocalAccessKey, LocalAccessKey), config)
            : new AmazonDynamoDBClient(config);
    }

    /// <summary>The client configuration <see cref="Create"/> uses; separate so its choices can be checked offline.</summary>
    public static AmazonDynamoDBConfig CreateConfig(AwsEndpointResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var config = new AmazonDynamoDBConfig
        {
            RetryMode = RequestRetryMode.Standard,
            ThrottleRetries = true,
        };

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
