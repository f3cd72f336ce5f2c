using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Data;

namespace Shared.Tests.Data;

public sealed class DynamoDbClientFactoryTests
{
    [Fact]
    public void CreateConfig_EndpointConfigured_UsesItAndSignsWithConfiguredRegion()
    {
        var resolver = new AwsEndpointResolver(Environment(("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8123"), ("AWS_REGION", "eu-west-1")));

        var config = DynamoDbClientFactory.CreateConfig(resolver);

        Assert.Equal("http://127.0.0.1:8123/", config.ServiceURL);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
        Assert.Equal(RequestRetryMode.Standard, config.RetryMode);
        Assert.True(config.ThrottleRetries);
    }

    [Fact]
    public void CreateConfig_NoEndpoint_UsesRegionEndpoint()
    {
        var resolver = new AwsEndpointResolver(Environment(("AWS_REGION", "ap-southeast-2")));

        var config = DynamoDbClientFactory.CreateConfig(resolver);

        Assert.Null(config.ServiceURL);
        Assert.Equal("ap-southeast-2", config.RegionEndpoint.SystemName);
    }

    [Fact]
    public void CreateConfig_EndpointNotHttp_Throws()
    {
        var resolver = new AwsEndpointResolver(Environment(("AWS_ENDPOINT_URL_DYNAMODB", "ftp://127.0.0.1:21")));

        var error = Assert.Throws<InvalidOperationException>(() => DynamoDbClientFactory.CreateConfig(resolver));

        Assert.Contains("DYNAMODB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_EndpointWithoutCredentials_UsesLocalDummyCredentials()
    {
        using var client = (AmazonDynamoDBClient)DynamoDbClientFactory.Create(Environment(("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8123")));

        var identity = await client.Config.DefaultAWSCredentials!.GetCredentialsAsync();

        Assert.Equal(DynamoDbClientFactory.LocalAccessKey, identity.AccessKey);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => (string?)v.Value);
        return name => map.GetValueOrDefault(name);
    }
}
