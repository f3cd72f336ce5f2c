using System.Text;
using Fanout.Delivery;
using Fanout.Records;
using Fanout.Targets;

namespace Fanout.Tests.Targets;

public class KinesisSenderTests
{
    /// <summary>
    /// Data a Kinesis event carried is copied through as the event's base64 token, unchecked a second time; the body
    /// must be the very bytes that encoding the decoded data again gives (every padding length, empty data, keys the
    /// writer escapes).
    /// </summary>
    [Fact]
    public void WriteBody_DataFromEvent_SameBytesAsEncodingTheDecodedData()
    {
        var random = new Random(7);
        var records = Enumerable.Range(0, 40).Select(i =>
        {
            var data = new byte[i * 7 % 23];
            random.NextBytes(data);
            return (i % 3 == 0 ? "key+<&>'é" + i : "device-" + (i % 5), data);
        }).ToList();
        using var batch = SourceReader.Read(StreamEvents.Kinesis(records)).Single();
        var copied = batch.Records.Select((r, i) => new OutgoingMessage(i, 1, r.Data, r.PartitionKey, r.ExplicitHashKey, "") { QuotedBase64Body = r.QuotedBase64Data }).ToList();
        var encoded = batch.Records.Select((r, i) => new OutgoingMessage(i, 1, r.Data, r.PartitionKey, r.ExplicitHashKey, "")).ToList();

        using var fromEvent = KinesisSender.WriteBody("out", copied);
        using var fromData = KinesisSender.WriteBody("out", encoded);

        Assert.All(copied, m => Assert.False(m.QuotedBase64Body.IsEmpty));
        Assert.Equal(Encoding.UTF8.GetString(fromData.Complete().Span), Encoding.UTF8.GetString(fromEvent.Complete().Span));
        Assert.True(fromData.Complete().Span.SequenceEqual(fromEvent.Complete().Span));
    }
}
