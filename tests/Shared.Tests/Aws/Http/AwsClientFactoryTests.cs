using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Route53;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws.Http;

public class AwsClientFactoryTests
{
    [Fact]
    public void SignedHttpClient_SameServiceRegionAndCredentials_IsShared()
    {
        using var factory = Factory(_ => null);
        var credentials = StubCredentials.Create();

        var first = factory.SignedHttpClient(AwsService.Sqs, "us-east-1", credentials);
        var second = factory.SignedHttpClient(AwsService.Sqs, "us-east-1", credentials);
        var otherRegion = factory.SignedHttpClient(AwsService.Sqs, "eu-west-1", credentials);
        var otherService = factory.SignedHttpClient(AwsService.Sns, "us-east-1", credentials);

        Assert.Same(first, second);
        Assert.NotSame(first, otherRegion);
        Assert.NotSame(first, otherService);
    }

    [Fact]
    public void CreateClients_NoOverrides_UsePublicRegionalEndpoints()
    {
        using var factory = Factory(name => name == "AWS_REGION" ? "eu-west-1" : null);

        var endpoints = new[]
        {
            factory.CreateSns().Http.Endpoint,
            factory.CreateSqs().Http.Endpoint,
            factory.CreateKinesis().Http.Endpoint,
            factory.CreateFirehose().Http.Endpoint,
            factory.CreateLambda().Http.Endpoint,
            factory.CreateIotData().Http.Endpoint,
            factory.CreateSts().Http.Endpoint,
        };

        Assert.Equal(
            ["https://sns.eu-west-1.amazonaws.com/", "https://sqs.eu-west-1.amazonaws.com/", "https://kinesis.eu-west-1.amazonaws.com/", "https://firehose.eu-west-1.amazonaws.com/",
             "https://lambda.eu-west-1.amazonaws.com/", "https://data-ats.iot.eu-west-1.amazonaws.com/", "https://sts.eu-west-1.amazonaws.com/"],
            endpoints.Select(e => e.ToString()));
    }

    [Fact]
    public void CreateRoute53_ChinaRegion_UsesPartitionEndpointAndSigningRegion()
    {
        using var factory = Factory(_ => null);

        var http = factory.CreateRoute53("cn-north-1").Http;

        Assert.Equal(new Uri("https://route53.amazonaws.com.cn/"), http.Endpoint);
        Assert.Equal("cn-northwest-1", http.SigningRegion);
    }

    [Fact]
    public void CreateRoute53_AwsEndpointPacedToTheAccountBucket_ConfiguredEndpointNot()
    {
        using var aws = Factory(_ => null);
        using var local = Factory(name => name == "AWS_ENDPOINT_URL" ? "http://127.0.0.1:4566" : null);

        var (paced, unpaced) = (aws.CreateRoute53().Http, local.CreateRoute53().Http);

        Assert.Same(Route53Client.AccountPacer, paced.Pacer);
        Assert.Same(Route53Client.AccountPacer, paced.WithDeadline(DateTimeOffset.UtcNow.AddMinutes(1)).Pacer);
        Assert.Null(unpaced.Pacer);
        Assert.Null(aws.CreateSqs().Http.Pacer);
    }

    [Fact]
    public void CreateKinesis_ServiceOverride_WinsOverGlobalOverride()
    {
        using var factory = Factory(name => name switch
        {
            "AWS_ENDPOINT_URL_KINESIS" => "http://127.0.0.1:4567",
            "AWS_ENDPOINT_URL" => "http://127.0.0.1:9999",
            _ => null,
        });

        var (kinesis, sqs) = (factory.CreateKinesis().Http.Endpoint, factory.CreateSqs().Http.Endpoint);

        Assert.Equal(4567, kinesis.Port);
        Assert.Equal(9999, sqs.Port);
    }

    [Fact]
    public void UriFor_EndpointWithPathPrefix_KeepsPrefix()
    {
        using var factory = Factory(name => name == "AWS_ENDPOINT_URL" ? "http://127.0.0.1:4566/proxy/" : null);

        var uri = factory.CreateLambda().Http.UriFor("/2015-03-31/functions/f/invocations");

        Assert.Equal("http://127.0.0.1:4566/proxy/2015-03-31/functions/f/invocations", uri.ToString());
    }

    private static AwsClientFactory Factory(Func<string, string?> environment) => new(new AwsEndpointResolver(environment), StubCredentials.Create());
}
