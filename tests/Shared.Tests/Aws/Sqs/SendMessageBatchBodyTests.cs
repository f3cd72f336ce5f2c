using System.Text;
using LambdaSuite.Aws.Sqs;

namespace Shared.Tests.Aws.Sqs;

/// <summary>The body written from bytes must be the serializer's body to the byte: both are sent and compared.</summary>
public sealed class SendMessageBatchBodyTests : StubbedClientTestBase
{
    private const string QueueUrl = "https://sqs.us-east-1.amazonaws.com/111122223333/orders.fifo";

    public static TheoryData<string, bool, bool> Bodies => new()
    {
        { "", false, false },
        { "{\"id\":1,\"text\":\"a b+c/d?e=f&g <tag> 'q' `t`\"}", true, false },
        { "müller ÿ € 中文 😀 tab\tnew\nline\rcr \\ back", true, true },
        { "\u007f del, \u2028 line separator, \ufffd replacement, \U0001F680 rocket", false, true },
        { new string('x', 5000) + "é", true, false },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Complete_TrickyText_EqualsTheSerializedRequest(string text, bool withKey, bool fifo)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var key = withKey ? "49590338271490256608559692538361571095921575989136588898-é+ü" : "";
        var attributes = Attributes(key, isBase64: false);
        var expected = await SendSerializedAsync(Entry(text, attributes, fifo));

        var actual = await SendWrittenAsync(body => body.Add(bytes, false, attributes.Count == 0 ? null : attributes, fifo ? "dedup+é" : null, fifo ? "group/😀" : null));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Complete_BinaryAsBase64_EqualsTheSerializedRequestWithEscapedPlus()
    {
        // 0xFB 0xEF 0xBE encodes to "++++" in base64: the serializer escapes '+', so the writer must too.
        byte[] data = [0xfb, 0xef, 0xbe, 0x00, 0xff, 0xfe, 0x3e, 0x3f];
        var attributes = Attributes("seq-1", isBase64: true);
        var expected = await SendSerializedAsync(Entry(Convert.ToBase64String(data), attributes, fifo: false));

        var actual = await SendWrittenAsync(body => body.Add(data, true, attributes));

        Assert.Contains("\\u002B", Encoding.UTF8.GetString(actual), StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Complete_TenEntries_IdsArePositionsAndEqualTheSerializedRequest()
    {
        var entries = Enumerable.Range(0, 10).Select(i => Entry("message " + i, [], fifo: false) with { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        var expected = await SendSerializedAsync([.. entries]);

        var actual = await SendWrittenAsync(body =>
        {
            for (var i = 0; i < 10; i++)
            {
                body.Add(Encoding.UTF8.GetBytes("message " + i), false, null);
            }
        });

        Assert.Equal(expected, actual);
    }

    private static List<KeyValuePair<string, string>> Attributes(string key, bool isBase64)
    {
        var attributes = new List<KeyValuePair<string, string>>();
        if (key.Length > 0)
        {
            attributes.Add(new("fanout-id", key));
        }

        if (isBase64)
        {
            attributes.Add(new("fanout-encoding", "base64"));
        }

        return attributes;
    }

    private static SendMessageBatchRequestEntry Entry(string text, List<KeyValuePair<string, string>> attributes, bool fifo) => new()
    {
        Id = "0",
        MessageBody = text,
        MessageAttributes = attributes.Count == 0 ? null : attributes.ToDictionary(p => p.Key, p => new MessageAttributeValue { DataType = "String", StringValue = p.Value }, StringComparer.Ordinal),
        MessageDeduplicationId = fifo ? "dedup+é" : null,
        MessageGroupId = fifo ? "group/😀" : null,
    };

    private async Task<byte[]> SendSerializedAsync(params SendMessageBatchRequestEntry[] entries)
    {
        Stub.Enqueue(AwsTestData.Json("Sqs/send-message-batch-partial.json", contentType: "application/x-amz-json-1.0"));
        await Factory.CreateSqs().SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = QueueUrl, Entries = entries });
        return Stub.Requests[^1].Body;
    }

    private async Task<byte[]> SendWrittenAsync(Action<SendMessageBatchBody> add)
    {
        Stub.Enqueue(AwsTestData.Json("Sqs/send-message-batch-partial.json", contentType: "application/x-amz-json-1.0"));
        using var body = new SendMessageBatchBody(QueueUrl);
        add(body);
        await Factory.CreateSqs().SendMessageBatchAsync(body);
        return Stub.Requests[^1].Body;
    }
}
