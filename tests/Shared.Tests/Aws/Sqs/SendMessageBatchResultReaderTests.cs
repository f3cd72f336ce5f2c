using System.Text;
using System.Text.Json;
using LambdaSuite.Aws.Sqs;

namespace Shared.Tests.Aws.Sqs;

/// <summary>The byte reader reads the common answers as the serializer does and steps aside on everything else.</summary>
public sealed class SendMessageBatchResultReaderTests
{
    public static TheoryData<string> CommonAnswers => new()
    {
        TenEnqueued(failedList: false),
        TenEnqueued(failedList: true),
        """{"Successful":[{"Id":"0","MessageId":"m-0","MD5OfMessageBody":"0cc175b9c0f1b6a831c399e269772661","SequenceNumber":"18880000000000000001"}],"Failed":[]}""",
        "{\n  \"Successful\" : [ {\n    \"Id\" : \"a\\u002Bb\",\n    \"MessageId\" : \"m\\\"1\",\n    \"MD5OfMessageBody\" : \"x\"\n  } ]\n}\n",
        """{"Successful":[{"Id":"0","MessageId":"m-0","MD5OfMessageBody":"d","MD5OfMessageSystemAttributes":"s"}]}""",
        """{"Successful":[]}""",
        "{}",
    };

    public static TheoryData<string> OtherAnswers => new()
    {
        """{"Successful":[{"Id":"a","MessageId":"m-a","MD5OfMessageBody":"d"}],"Failed":[{"Id":"b","SenderFault":false,"Code":"InternalError","Message":"retry"}]}""",
        """{"Successful":[],"Failed":[],"Extra":1}""",
        """{"Successful":[{"Id":"0","MessageId":"m-0","Other":"x"}]}""",
        """{"Successful":[{"Id":"0","Id":"1","MessageId":"m-0"}]}""",
        """{"Successful":[{"Id":"0","MessageId":"m-0","MD5OfMessageAttributes":null}]}""",
        """{"Successful":null}""",
    };

    [Theory]
    [MemberData(nameof(CommonAnswers))]
    public void TryRead_CommonAnswer_ReadsWhatTheSerializerReads(string answer)
    {
        var bytes = Encoding.UTF8.GetBytes(answer);

        var read = SendMessageBatchResultReader.TryRead(bytes, out var response);

        Assert.True(read);
        Assert.Equal(Describe(Serializer(bytes)), Describe(response));
    }

    [Theory]
    [MemberData(nameof(OtherAnswers))]
    public void TryRead_OtherAnswer_StepsAside(string answer)
    {
        var read = SendMessageBatchResultReader.TryRead(Encoding.UTF8.GetBytes(answer), out _);

        Assert.False(read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"Successful":[{"Id":"0"}]}""")]
    [InlineData("""{"Successful":[{"Id":"0","MessageId":"m-0"}]} {}""")]
    [InlineData("""{"Successful":[{"Id":"0","MessageId":"m-0"}""")]
    public void TryRead_MalformedOrIncomplete_StepsAside(string answer)
    {
        var read = SendMessageBatchResultReader.TryRead(Encoding.UTF8.GetBytes(answer), out _);

        Assert.False(read);
    }

    [Fact]
    public void TryRead_AnswerCutAtEveryLength_StepsAsideWithoutThrowing()
    {
        var answer = Encoding.UTF8.GetBytes(TenEnqueued(failedList: true));

        var readAt = Enumerable.Range(0, answer.Length).Where(length => SendMessageBatchResultReader.TryRead(answer.AsSpan(0, length), out _)).ToList();

        Assert.Empty(readAt);
        Assert.True(SendMessageBatchResultReader.TryRead(answer, out _));
    }

    internal static SendMessageBatchResponse Serializer(byte[] answer) => JsonSerializer.Deserialize(answer, SqsAnswerJsonContext.Default.SendMessageBatchResponse)!;

    /// <summary>
    /// Every field of an answer in one string, so two answers compare by value. A list the serializer left null (absent
    /// from the answer) reads as empty, as the client makes it.
    /// </summary>
    internal static string Describe(SendMessageBatchResponse response) =>
        string.Join('|', (response.Successful ?? []).Select(s => $"{s.Id},{s.MessageId},{s.MD5OfMessageBody},{s.MD5OfMessageAttributes},{s.SequenceNumber}"))
        + "#" + string.Join('|', (response.Failed ?? []).Select(f => $"{f.Id},{f.Code},{f.Message},{f.SenderFault}"));

    private static string TenEnqueued(bool failedList)
    {
        var entries = Enumerable.Range(0, 10).Select(i =>
            $$"""{"Id":"{{i}}","MD5OfMessageAttributes":"9d4f1ae4e5e2bd6a0a5aba8bfc4a1e5{{i}}","MD5OfMessageBody":"5e1d0ad3f4b4c1d0e3b0a77ce7a8b8c{{i}}","MessageId":"0c6c4b53-3a31-4b3e-9e2c-1f0d7a5b8c9{{i}}"}""");
        return "{" + (failedList ? "\"Failed\":[]," : "") + "\"Successful\":[" + string.Join(',', entries) + "]}";
    }
}
