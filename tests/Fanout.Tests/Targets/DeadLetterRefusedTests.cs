using System.Text;
using Fanout.Delivery;
using Fanout.Metrics;
using Fanout.Records;
using Fanout.Targets;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Runtime;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Runtime;
using LambdaSuite.TestKit.Stubs;

using Fanout.Tests.Support;

namespace Fanout.Tests.Targets;

/// <summary>
/// A dead-letter queue that refuses (AccessDenied): the records it did not take fail the batch, are counted as
/// undelivered (unreadable ones too, which no target was given), and the shortfall line carries the queue's error.
/// </summary>
public class DeadLetterRefusedTests : StubbedSendersTestBase
{
    private const string DeadLetterUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/fanout-dlq";

    /// <summary>Record 0 is not base64 (unreadable), record 1 is over SNS's 256 KiB, record 2 is fine.</summary>
    private static SourceBatch Batch()
    {
        var readable = Encoding.UTF8.GetString(StreamEvents.Kinesis(
        [
            ("k", "{\"n\":0}"u8.ToArray()),
            ("k", Encoding.UTF8.GetBytes(new string('x', 300 * 1024))),
            ("k", "{\"n\":2}"u8.ToArray()),
        ]));
        return SourceReader.Read(Encoding.UTF8.GetBytes(readable.Replace(Convert.ToBase64String("{\"n\":0}"u8), "not base64!", StringComparison.Ordinal))).Single();
    }

    [Fact]
    public async Task DeliverAsync_DeadLetterQueueAccessDenied_BatchFailsCountingEveryRecordNotDeadLettered()
    {
        Stub.Responder = request => request.Target?.Contains("SendMessageBatch", StringComparison.Ordinal) == true
            ? StubResponse.Json("""{"__type":"com.amazonaws.sqs#AccessDenied","message":"Access to the resource is denied."}""", 403, "application/x-amz-json-1.0")
            : StubResponse.Xml("""<PublishBatchResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishBatchResult><Successful/><Failed/></PublishBatchResult></PublishBatchResponse>""");
        var batch = Batch();
        var target = new FanoutTarget
        {
            SourceArn = StreamEvents.SourceArn,
            Id = "t",
            Type = FanoutTargetType.Sns,
            Destination = "arn:aws:sns:us-east-1:123456789012:orders",
            Active = true,
            DeadLetter = DeadLetterUrl,
        };

        var result = await new FanoutEngine(Senders, new DeliveryLedger(), Retry, null)
            .DeliverAsync(batch, [target], Clock.GetUtcNow().AddMinutes(1), Logger, new FanoutMetrics(Logger, Clock), CancellationToken.None);

        Assert.Equal(StreamEvents.Sequence(0), result.FailedSequenceNumber);
        Assert.Equal(0, result.DeadLettered);
        Assert.Equal(1, result.Outcomes[0].Delivered);
        Assert.Equal(2, result.Outcomes[0].Undelivered());
        Assert.DoesNotContain(Logger.Lines, l => l.Message.Contains("sent to the dead-letter queue", StringComparison.Ordinal));
        var shortfall = Assert.Single(Logger.Lines, l => l.Level == LambdaLogLevel.Error && l.Message.StartsWith("Target ", StringComparison.Ordinal));
        Assert.Contains("delivery failed with 2 undelivered", shortfall.Message, StringComparison.Ordinal);
        Assert.Equal("2", shortfall.Fields["undelivered"]);
        Assert.StartsWith("dead-letter queue: AccessDenied", shortfall.Fields["lastError"], StringComparison.Ordinal);
    }
}
