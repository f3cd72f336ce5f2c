using System.Text;
using LambdaSuite.Aws.Sns;

namespace Shared.Tests.Aws.Sns;

/// <summary>The form written from bytes must be the client's form to the byte: both are sent and compared.</summary>
public sealed class PublishBatchBodyTests : StubbedClientTestBase
{
    private const string TopicArn = "arn:aws:sns:us-east-1:111122223333:orders.fifo";

    public static TheoryData<string, bool, bool> Messages => new()
    {
        { "", false, false },
        { "{\"id\":1,\"text\":\"a b+c/d?e=f&g <tag> 'q' %41 ~._-\"}", true, false },
        { "müller ÿ € 中文 😀 tab\tnew\nline\rcr \\ back", true, true },
        { "\u007f del, \u2028 line separator, \ufffd replacement, \U0001F680 rocket", false, true },
        { new string('x', 5000) + "é", true, false },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Complete_TrickyText_EqualsTheClientsForm(string text, bool withKey, bool fifo)
    {
        var key = withKey ? "49590338271490256608559692538361571095921575989136588898-é+ü" : "";
        var attributes = Attributes(key, isBase64: false);
        var expected = await SendRequestAsync(Entry(text, attributes, fifo));

        var actual = await SendWrittenAsync(body => body.Add(Encoding.UTF8.GetBytes(text), false, attributes.Count == 0 ? null : attributes, fifo ? "dedup+é" : null, fifo ? "group/😀" : null));

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
    }

    [Fact]
    public async Task Complete_BinaryAsBase64WithBothAttributes_EqualsTheClientsFormWithAttributesSorted()
    {
        byte[] data = [0xfb, 0xef, 0xbe, 0x00, 0xff, 0xfe, 0x3e, 0x3f];
        var attributes = Attributes("seq-1", isBase64: true);
        var expected = await SendRequestAsync(Entry(Convert.ToBase64String(data), attributes, fifo: false));

        var actual = await SendWrittenAsync(body => body.Add(data, true, attributes));

        var form = Encoding.UTF8.GetString(actual);
        Assert.Contains("Message=%2B%2B%2B%2BAP%2F%2BPj8%3D", form, StringComparison.Ordinal);
        Assert.True(form.IndexOf("fanout-encoding", StringComparison.Ordinal) < form.IndexOf("fanout-id", StringComparison.Ordinal));
        Assert.Equal(Encoding.UTF8.GetString(expected), form);
    }

    [Fact]
    public async Task Complete_TenEntries_IdsArePositionsAndEqualTheClientsForm()
    {
        var entries = Enumerable.Range(0, 10).Select(i => Entry("message " + i, [], fifo: false) with { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray();
        var expected = await SendRequestAsync(entries);

        var actual = await SendWrittenAsync(body =>
        {
            for (var i = 0; i < 10; i++)
            {
                body.Add(Encoding.UTF8.GetBytes("message " + i), false, null);
            }
        });

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
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

    private static PublishBatchRequestEntry Entry(string text, List<KeyValuePair<string, string>> attributes, bool fifo) => new()
    {
        Id = "0",
        Message = text,
        MessageAttributes = attributes.Count == 0 ? null : attributes.ToDictionary(p => p.Key, p => new MessageAttributeValue { DataType = "String", StringValue = p.Value }, StringComparer.Ordinal),
        MessageDeduplicationId = fifo ? "dedup+é" : null,
        MessageGroupId = fifo ? "group/😀" : null,
    };

    private async Task<byte[]> SendRequestAsync(params PublishBatchRequestEntry[] entries)
    {
        Stub.Enqueue(AwsTestData.Xml("Sns/publish-batch-partial.xml"));
        await Factory.CreateSns().PublishBatchAsync(new PublishBatchRequest { TopicArn = TopicArn, PublishBatchRequestEntries = entries });
        return Stub.Requests[^1].Body;
    }

    private async Task<byte[]> SendWrittenAsync(Action<PublishBatchBody> add)
    {
        Stub.Enqueue(AwsTestData.Xml("Sns/publish-batch-partial.xml"));
        using var body = new PublishBatchBody(TopicArn);
        add(body);
        await Factory.CreateSns().PublishBatchAsync(body);
        return Stub.Requests[^1].Body;
    }
}
