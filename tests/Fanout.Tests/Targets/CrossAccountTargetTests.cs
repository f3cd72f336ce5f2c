using System.Text;
using System.Text.Json;
using Fanout.Delivery;
using Fanout.Metrics;
using Fanout.Records;
using Fanout.Targets;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Data.Fanout;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Runtime;
using LambdaSuite.TestKit.Stubs;

namespace Fanout.Tests.Targets;

/// <summary>
/// A mapping with <c>role</c> (+ <c>externalId</c>) delivers with the assumed role's credentials, and one with a
/// destination in another region or partition signs for that region: the stub checks every signature against the
/// key that must have made it.
/// </summary>
public sealed class CrossAccountTargetTests : IAsyncLifetime
{
    private const string RoleArn = "arn:aws:iam::444455556666:role/fanout-target";
    private const string AssumedKey = "ASIAASSUMEDKEY000042";
    private const string AssumedSecret = "assumed/secret/key/for/tests/only/000042";
    private const string SessionToken = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN42";
    private readonly SteppingTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RecordingLambdaLogger _logger = new();
    private AwsStubServer _stub = null!;
    private AwsClientFactory _aws = null!;
    private TargetSenderFactory _senders = null!;

    private AwsRetryPolicy Retry => new() { TimeProvider = _clock, Random = () => 0.5, MaxAttempts = 3 };

    public async Task InitializeAsync()
    {
        _stub = await AwsStubServer.StartAsync();
        _stub.SecretForAccessKey = key => key == AssumedKey ? AssumedSecret : StubCredentials.SecretFor(key);
        _stub.Responder = request => request.FormParameters().GetValueOrDefault("Action") == "AssumeRole"
            ? StubResponse.Xml(AssumeRoleAnswer)
            : StubResponse.Json("""{"Successful":[],"Failed":[]}""", 200, "application/x-amz-json-1.0");
        _aws = StubClientFactory.For(_stub, Retry);
        _senders = new TargetSenderFactory(_aws, _clock);
    }

    public async Task DisposeAsync()
    {
        await _senders.DisposeAsync();
        _aws.Dispose();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task Deliver_TargetWithRole_AssumesItOnceAndSignsDeliveriesWithItsCredentials()
    {
        var target = Target("arn:aws:sqs:eu-west-1:444455556666:orders") with { Role = RoleArn, ExternalId = "fanout-ext-7" };

        var first = await RunAsync(target, 12);
        var second = await RunAsync(target, 3);

        Assert.Null(first.FailedSequenceNumber);
        Assert.Null(second.FailedSequenceNumber);
        Assert.All(_stub.Requests, r => Assert.True(r.Signature.IsValid, r.Signature.Reason));
        var assume = Assert.Single(_stub.Requests, r => r.FormParameters().GetValueOrDefault("Action") == "AssumeRole");
        Assert.Equal(StubCredentials.AccessKeyId, assume.Signature.AccessKeyId);
        Assert.Equal(RoleArn, assume.FormParameters()["RoleArn"]);
        Assert.Equal("fanout-ext-7", assume.FormParameters()["ExternalId"]);
        var deliveries = _stub.Requests.Where(r => r.Target == "AmazonSQS.SendMessageBatch").ToList();
        Assert.Equal(3, deliveries.Count);
        Assert.All(deliveries, d =>
        {
            Assert.Equal((AssumedKey, "eu-west-1", "sqs"), (d.Signature.AccessKeyId, d.Signature.Region, d.Signature.Service));
            Assert.Equal(SessionToken, d.Header("X-Amz-Security-Token"));
            Assert.Equal("https://sqs.eu-west-1.amazonaws.com/444455556666/orders", JsonDocument.Parse(d.Body).RootElement.GetProperty("QueueUrl").GetString());
        });
    }

    [Theory]
    [InlineData("arn:aws:sqs:ap-southeast-2:123456789012:orders", null, "ap-southeast-2", "https://sqs.ap-southeast-2.amazonaws.com/123456789012/orders")]
    [InlineData("arn:aws:sqs:eu-west-1:123456789012:orders", "eu-west-1", "eu-west-1", "https://sqs.eu-west-1.amazonaws.com/123456789012/orders")]
    [InlineData("https://sqs.eu-central-1.amazonaws.com/123456789012/orders", null, "eu-central-1", "https://sqs.eu-central-1.amazonaws.com/123456789012/orders")]
    [InlineData("arn:aws-cn:sqs:cn-north-1:123456789012:orders", null, "cn-north-1", "https://sqs.cn-north-1.amazonaws.com.cn/123456789012/orders")]
    [InlineData("arn:aws-us-gov:sqs:us-gov-west-1:123456789012:orders", null, "us-gov-west-1", "https://sqs.us-gov-west-1.amazonaws.com/123456789012/orders")]
    public async Task Deliver_DestinationInAnotherRegionOrPartition_SignsForThatRegionWithTheFunctionsOwnKey(string destination, string? region, string signedRegion, string queueUrl)
    {
        var target = Target(destination) with { Region = region };

        var result = await RunAsync(target, 4);

        Assert.Null(result.FailedSequenceNumber);
        var delivery = Assert.Single(_stub.Requests);
        Assert.True(delivery.Signature.IsValid, delivery.Signature.Reason);
        Assert.Equal((StubCredentials.AccessKeyId, signedRegion), (delivery.Signature.AccessKeyId, delivery.Signature.Region));
        Assert.Equal(queueUrl, JsonDocument.Parse(delivery.Body).RootElement.GetProperty("QueueUrl").GetString());
    }

    private static FanoutTarget Target(string destination) => new()
    {
        SourceArn = StreamEvents.SourceArn,
        Id = "cross",
        Type = FanoutTargetType.Sqs,
        Destination = destination,
        Active = true,
    };

    private Task<FanoutResult> RunAsync(FanoutTarget target, int records)
    {
        var batch = SourceReader.Read(StreamEvents.Kinesis(Enumerable.Range(0, records).Select(i => ("k" + i, Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"))))).Single();
        return new FanoutEngine(_senders, new DeliveryLedger(), Retry, null)
            .DeliverAsync(batch, [target], _clock.GetUtcNow().AddMinutes(1), _logger, new FanoutMetrics(_logger, _clock), CancellationToken.None);
    }

    private static string AssumeRoleAnswer => $"""
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <AssumedRoleUser><Arn>arn:aws:sts::444455556666:assumed-role/fanout-target/fanout</Arn><AssumedRoleId>AROAEXAMPLE:fanout</AssumedRoleId></AssumedRoleUser>
            <Credentials><AccessKeyId>{AssumedKey}</AccessKeyId><SecretAccessKey>{AssumedSecret}</SecretAccessKey><SessionToken>{SessionToken}</SessionToken><Expiration>2026-01-01T01:00:00Z</Expiration></Credentials>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>0f1e2d3c-0000-4000-8000-000000000042</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """;
}
