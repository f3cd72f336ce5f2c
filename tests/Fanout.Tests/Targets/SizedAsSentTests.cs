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

using Fanout.Tests.Support;

namespace Fanout.Tests.Targets;

/// <summary>
/// SQS and SNS entries are packed by the size they are sent at: a body that goes as base64 is a third larger and
/// carries the encoding attribute. The stub refuses oversized messages and batches as the services do, so a batch
/// packed by the raw size would be refused whole and come back packed the same way, for good.
/// </summary>
public class SizedAsSentTests : StubbedSendersTestBase
{
    private const string QueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";
    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:orders";

    private static FanoutTarget Target(FanoutTargetType type, string destination, CollapseMode collapse = CollapseMode.None) => new()
    {
        SourceArn = StreamEvents.SourceArn,
        Id = "t",
        Type = type,
        Destination = destination,
        Active = true,
        Collapse = collapse,
    };

    private static SourceBatch Batch(IEnumerable<byte[]> data) =>
        SourceReader.Read(StreamEvents.Kinesis(data.Select(d => ("k", d)))).Single();

    private Task<FanoutResult> RunAsync(SourceBatch batch, FanoutTarget target) =>
        new FanoutEngine(Senders, new DeliveryLedger(), Retry, null)
            .DeliverAsync(batch, [target], Clock.GetUtcNow().AddMinutes(1), Logger, new FanoutMetrics(Logger, Clock), CancellationToken.None);

    [Fact]
    public async Task Sqs_TenBinaryRecordsOf90KiB_PackedByBase64SizeAllDelivered()
    {
        Stub.Responder = ServiceSizeLimits.Sqs();
        var records = Enumerable.Range(0, 10).Select(i => Enumerable.Repeat((byte)(0x80 + i), 90 * 1024).ToArray()).ToArray();

        var result = await RunAsync(Batch(records), Target(FanoutTargetType.Sqs, QueueUrl));

        Assert.Null(result.FailedSequenceNumber);
        Assert.Equal(10, result.Outcomes[0].Delivered);
        Assert.Empty(result.Outcomes[0].Problems);
        Assert.True(Stub.Requests.Count >= 2);
        Assert.All(Stub.Requests, r => Assert.True(ServiceSizeLimits.SqsEntrySizes(r).Sum() <= ServiceSizeLimits.SqsLimit));
        var sent = Stub.Requests.SelectMany(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("Entries").EnumerateArray().Select(e => e.Clone())).ToArray();
        Assert.Equal(records, sent.Select(e => Convert.FromBase64String(e.GetProperty("MessageBody").GetString()!)));
    }

    [Fact]
    public async Task Sns_200KiBRecordWithOneNoncharacter_OversizedAsBase64DroppedNotSent()
    {
        Stub.Responder = ServiceSizeLimits.Sns();
        var record = Encoding.UTF8.GetBytes(new string('a', 200 * 1024) + "\uFFFF");

        var result = await RunAsync(Batch([record]), Target(FanoutTargetType.Sns, TopicArn));

        Assert.Null(result.FailedSequenceNumber);
        Assert.Equal(1, result.Dropped);
        var problem = Assert.Single(result.Outcomes[0].Problems);
        Assert.Equal(RecordProblemKind.Oversized, problem.Kind);
        Assert.Contains("as base64", problem.Reason, StringComparison.Ordinal);
        Assert.Empty(Stub.Requests);
    }

    [Fact]
    public async Task Sns_CollapsedJsonWithNoncharacters_EntriesFitAsBase64AllDelivered()
    {
        Stub.Responder = ServiceSizeLimits.Sns();
        var records = Enumerable.Range(0, 3).Select(i => Encoding.UTF8.GetBytes($"{{\"n\":{i},\"s\":\"{new string('x', 100 * 1024)}\uFFFF\"}}")).ToArray();

        var result = await RunAsync(Batch(records), Target(FanoutTargetType.Sns, TopicArn, CollapseMode.Json));

        Assert.Null(result.FailedSequenceNumber);
        Assert.Equal(3, result.Outcomes[0].Delivered);
        Assert.Empty(result.Outcomes[0].Problems);
        Assert.All(Stub.Requests, r => Assert.All(ServiceSizeLimits.SnsEntrySizes(r), size => Assert.True(size <= ServiceSizeLimits.SnsLimit)));
        var arrays = Stub.Requests.SelectMany(r => r.FormParameters().Where(p => p.Key.EndsWith(".Message", StringComparison.Ordinal)))
            .Select(p => JsonDocument.Parse(Convert.FromBase64String(p.Value)).RootElement.GetArrayLength());
        Assert.Equal(3, arrays.Sum());
    }
}
