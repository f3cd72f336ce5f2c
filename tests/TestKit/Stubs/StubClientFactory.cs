using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Retry;

namespace LambdaSuite.TestKit.Stubs;

/// <summary>An <see cref="AwsClientFactory"/> whose every service points at a stub, signing with <see cref="StubCredentials"/>.</summary>
public static class StubClientFactory
{
    public static AwsClientFactory For(AwsStubServer stub, AwsRetryPolicy? retryPolicy = null, string region = "us-east-1")
    {
        ArgumentNullException.ThrowIfNull(stub);
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = stub.Endpoint.ToString(),
            ["AWS_REGION"] = region,
        };
        return new AwsClientFactory(new AwsEndpointResolver(name => environment.GetValueOrDefault(name)), StubCredentials.Create(), retryPolicy);
    }
}
