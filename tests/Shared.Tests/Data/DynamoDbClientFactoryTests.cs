using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LambdaSuite.Data;

namespace Shared.Tests.Data;

public sealed class DynamoDbClientFactoryTests
{
    [Fact]
    public void CreateConfig_EndpointConfigured_UsesItAndSignsWithConfiguredRegion()
    {
        var environment = Environment(("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8123"), ("AWS_REGION", "eu-west-1"));

        var config = DynamoDbClientFactory.CreateConfig(environment);

        Assert.Equal("http://127.0.0.1:8123/", config.ServiceURL);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
        Assert.Equal(RequestRetryMode.Standard, config.RetryMode);
        Assert.True(config.ThrottleRetries);
    }

    [Fact]
    public void CreateConfig_NoEndpoint_UsesRegionEndpoint()
    {
        var environment = Environment(("AWS_REGION", "ap-southeast-2"));

        var config = DynamoDbClientFactory.CreateConfig(environment);

        Assert.Equal("ap-southeast-2", config.RegionEndpoint.SystemName);
    }

    [Fact]
    public void CreateConfig_EndpointNotHttp_Throws()
    {
        var environment = Environment(("AWS_ENDPOINT_URL_DYNAMODB", "ftp://127.0.0.1:21"));

        var error = Assert.Throws<InvalidOperationException>(() => DynamoDbClientFactory.CreateConfig(environment));

        Assert.Contains("DYNAMODB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 0)]
    [InlineData("4", 3)]
    public void CreateConfig_MaxAttemptsSet_RetriesOneFewerTimes(string maxAttempts, int expectedRetries)
    {
        var environment = Environment(("AWS_MAX_ATTEMPTS", maxAttempts));

        var config = DynamoDbClientFactory.CreateConfig(environment);

        Assert.Equal(expectedRetries, config.MaxErrorRetry);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("many")]
    public void CreateConfig_MaxAttemptsInvalid_KeepsClientDefault(string maxAttempts)
    {
        var expected = new AmazonDynamoDBConfig().MaxErrorRetry;

        var config = DynamoDbClientFactory.CreateConfig(Environment(("AWS_MAX_ATTEMPTS", maxAttempts)));

        Assert.Equal(expected, config.MaxErrorRetry);
    }

    [Fact]
    public async Task LocalCredentials_EndpointWithoutCredentials_ReturnsDummyKeys()
    {
        var environment = Environment(("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8123"));

        var credentials = DynamoDbClientFactory.LocalCredentials(environment);

        Assert.NotNull(credentials);
        var identity = await credentials.GetCredentialsAsync();
        Assert.Equal(DynamoDbClientFactory.LocalAccessKey, identity.AccessKey);
    }

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")]
    [InlineData("AWS_PROFILE", "dev")]
    [InlineData("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9000/creds")]
    public void LocalCredentials_EndpointWithEnvironmentCredentials_ReturnsNull(string variable, string value)
    {
        var environment = Environment(("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8123"), (variable, value));

        var credentials = DynamoDbClientFactory.LocalCredentials(environment);

        Assert.Null(credentials);
    }

    [Fact]
    public void LocalCredentials_NoEndpoint_ReturnsNull()
    {
        var environment = Environment(("AWS_REGION", "us-west-2"));

        var credentials = DynamoDbClientFactory.LocalCredentials(environment);

        Assert.Null(credentials);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => (string?)v.Value);
        return name => map.GetValueOrDefault(name);
    }
}
