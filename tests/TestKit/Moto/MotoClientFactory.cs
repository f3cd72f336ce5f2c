using Amazon.Runtime;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.TestKit.Moto;

/// <summary>The in-house client factory with every AWS service pointed at the tests' emulator (the stack's moto by default), with dummy credentials.</summary>
public static class MotoClientFactory
{
    public static AwsClientFactory Create()
    {
        var endpoint = LocalStack.Moto.ToString();
        return new AwsClientFactory(
            new AwsEndpointResolver(name => name.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal) ? endpoint : Environment.GetEnvironmentVariable(name)),
            new BasicAWSCredentials("local", "local"));
    }
}
