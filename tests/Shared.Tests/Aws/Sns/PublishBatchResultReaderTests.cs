using System.Text;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Sns;

namespace Shared.Tests.Aws.Sns;

/// <summary>The PublishBatch answer read without an XML tree, held to what the full XML reader makes of the same bytes.</summary>
public class PublishBatchResultReaderTests
{
    private const string Root = "<PublishBatchResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">";

    public static TheoryData<string> PlainAnswers => new()
    {
        Root + "<PublishBatchResult><Successful/><Failed/></PublishBatchResult></PublishBatchResponse>",
        Root + "<PublishBatchResult><Successful><member><Id>0</Id><MessageId>6ad4c3d4-0001</MessageId></member><member><MessageId>m-1</MessageId><Id>1</Id><SequenceNumber>10000000000000003000</SequenceNumber></member></Successful><Failed></Failed></PublishBatchResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishBatchResponse>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Root + "\n  <PublishBatchResult>\n    <Failed>\n      <member>\n        <Id>3</Id>\n        <Code>InvalidParameter</Code>\n        <Message>Message too long: ünïcode</Message>\n        <SenderFault>true</SenderFault>\n      </member>\n      <member><Id>4</Id><Message/><SenderFault>FALSE</SenderFault></member>\n    </Failed>\n    <Successful/>\n  </PublishBatchResult>\n</PublishBatchResponse>\n",
        Root + "<PublishBatchResult><Successful><member><Id>0</Id><Id>9</Id><MessageId>a</MessageId><Extra>x</Extra></member></Successful><Other><a><b><c>t</c></b></a></Other></PublishBatchResult></PublishBatchResponse>",
    };

    public static TheoryData<string> OtherAnswers => new()
    {
        Root + "<PublishBatchResult><Failed><member><Id>1</Id><Message>a &amp; b</Message></member></Failed></PublishBatchResult></PublishBatchResponse>",
        Root + "<!-- comment --><PublishBatchResult><Successful/></PublishBatchResult></PublishBatchResponse>",
        "<sns:PublishBatchResponse xmlns:sns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><sns:PublishBatchResult><sns:Successful/></sns:PublishBatchResult></sns:PublishBatchResponse>",
        Root + "<PublishBatchResult><Failed><member><Id>1</Id><Message>line\r\nnext</Message></member></Failed></PublishBatchResult></PublishBatchResponse>",
        Root + "<PublishBatchResult><Successful><member><Id>0</Id></member></Successful></PublishBatchResult></PublishBatchResponse>",
        Root + "<ResponseMetadata/></PublishBatchResponse>",
        Root + "<PublishBatchResult><Successful/></PublishBatchResult>stray text</PublishBatchResponse>",
        Root + "<PublishBatchResult><Successful/></PublishBatchResult></Wrong>",
        Root + "<PublishBatchResult><Successful/></PublishBatchResult>",
        Root + "<PublishBatchResult><Successful/></PublishBatchResult><PublishBatchResult><Failed><member><Id>1</Id></member></Failed></PublishBatchResult></PublishBatchResponse>",
        Root + "<PublishBatchResult><Failed><member><Id>1<b>2</b></Id></member></Failed></PublishBatchResult></PublishBatchResponse>",
        Root + "<PublishBatchResult><Successful><member><Id>0</Id><MessageId>a</MessageId><Extra><Deep>x</Deep></Extra></member></Successful></PublishBatchResult></PublishBatchResponse>",
    };

    [Theory]
    [MemberData(nameof(PlainAnswers))]
    public void TryRead_PlainAnswer_SameAsFullXmlReader(string answer)
    {
        var bytes = Encoding.UTF8.GetBytes(answer);

        var read = PublishBatchResultReader.TryRead(bytes, out var fast);

        Assert.True(read);
        var full = FullRead(bytes);
        Assert.Equal(full.Successful, fast.Successful);
        Assert.Equal(full.Failed, fast.Failed);
    }

    [Theory]
    [MemberData(nameof(OtherAnswers))]
    public void TryRead_ReferencesCommentsPrefixesCrMissingFieldsOrMalformed_LeftToFullReader(string answer)
    {
        var bytes = Encoding.UTF8.GetBytes(answer);

        var read = PublishBatchResultReader.TryRead(bytes, out _);

        Assert.False(read);
    }

    [Fact]
    public void TryRead_TenMembersAndFailures_EveryFieldRead()
    {
        var text = new StringBuilder(Root + "<PublishBatchResult><Successful>");
        for (var i = 0; i < 10; i++)
        {
            text.Append("<member><Id>").Append(i).Append("</Id><MessageId>m").Append(i).Append("</MessageId></member>");
        }

        text.Append("</Successful><Failed><member><Id>7</Id><Code>Throttled</Code><Message>slow down</Message><SenderFault>false</SenderFault></member></Failed></PublishBatchResult></PublishBatchResponse>");

        var read = PublishBatchResultReader.TryRead(Encoding.UTF8.GetBytes(text.ToString()), out var response);

        Assert.True(read);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), response.Successful.Select(s => s.Id));
        Assert.Equal("m9", response.Successful[9].MessageId);
        var failure = Assert.Single(response.Failed);
        Assert.Equal(new BatchResultErrorEntry { Id = "7", Code = "Throttled", Message = "slow down", SenderFault = false }, failure);
    }

    // What SnsClient did before the reader: the XML tree, read by local names.
    private static PublishBatchResponse FullRead(byte[] bytes)
    {
        var result = AwsXml.Require(AwsXml.Parse(bytes).Root, "PublishBatchResult");
        return new PublishBatchResponse
        {
            Successful = [.. AwsXml.Children(AwsXml.Child(result, "Successful"), "member").Select(m => new PublishBatchResultEntry { Id = AwsXml.Value(m, "Id")!, MessageId = AwsXml.Value(m, "MessageId")!, SequenceNumber = AwsXml.Value(m, "SequenceNumber") })],
            Failed = [.. AwsXml.Children(AwsXml.Child(result, "Failed"), "member").Select(m => new BatchResultErrorEntry { Id = AwsXml.Value(m, "Id")!, Code = AwsXml.Value(m, "Code") ?? "Unknown", Message = AwsXml.Value(m, "Message"), SenderFault = string.Equals(AwsXml.Value(m, "SenderFault"), "true", StringComparison.OrdinalIgnoreCase) })],
        };
    }
}
