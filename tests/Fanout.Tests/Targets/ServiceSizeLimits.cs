using System.Text;
using System.Text.Json;
using LambdaSuite.TestKit.Stubs;

namespace Fanout.Tests.Targets;

/// <summary>
/// Stub answers that refuse what SQS and SNS refuse for size: a message (body plus each attribute's name, data type
/// and value, in UTF-8 bytes) over the per-message limit, or a batch whose messages sum over the per-call limit, is
/// answered 400 BatchRequestTooLong for the whole call, as the services do.
/// </summary>
internal static class ServiceSizeLimits
{
    public const int SqsLimit = 1024 * 1024;
    public const int SnsLimit = 256 * 1024;

    public static Func<CapturedRequest, StubResponse> Sqs() => request =>
    {
        var sizes = SqsEntrySizes(request).ToArray();
        return sizes.Any(s => s > SqsLimit) || sizes.Sum() > SqsLimit
            ? StubResponse.Json("""{"__type":"com.amazonaws.sqs#BatchRequestTooLong","message":"Batch requests cannot be longer than 1048576 bytes."}""", 400, "application/x-amz-json-1.0")
            : StubResponse.Json("""{"Successful":[],"Failed":[]}""", 200, "application/x-amz-json-1.0");
    };

    public static Func<CapturedRequest, StubResponse> Sns() => request =>
    {
        var sizes = SnsEntrySizes(request).ToArray();
        return sizes.Any(s => s > SnsLimit) || sizes.Sum() > SnsLimit
            ? StubResponse.Xml("""<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>BatchRequestTooLong</Code><Message>The length of all the messages put together is more than the limit.</Message></Error><RequestId>r</RequestId></ErrorResponse>""", 400)
            : StubResponse.Xml("""<PublishBatchResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishBatchResult><Successful/><Failed/></PublishBatchResult></PublishBatchResponse>""");
    };

    public static IEnumerable<int> SqsEntrySizes(CapturedRequest request)
    {
        foreach (var entry in JsonDocument.Parse(request.Body).RootElement.GetProperty("Entries").EnumerateArray())
        {
            var size = Encoding.UTF8.GetByteCount(entry.GetProperty("MessageBody").GetString()!);
            if (entry.TryGetProperty("MessageAttributes", out var attributes))
            {
                foreach (var attribute in attributes.EnumerateObject())
                {
                    size += Encoding.UTF8.GetByteCount(attribute.Name)
                        + Encoding.UTF8.GetByteCount(attribute.Value.GetProperty("DataType").GetString()!)
                        + Encoding.UTF8.GetByteCount(attribute.Value.GetProperty("StringValue").GetString()!);
                }
            }

            yield return size;
        }
    }

    public static IEnumerable<int> SnsEntrySizes(CapturedRequest request)
    {
        // Query protocol: PublishBatchRequestEntries.member.N.Message and ….MessageAttributes.entry.M.{Name,Value.*}.
        const string Prefix = "PublishBatchRequestEntries.member.";
        return request.FormParameters()
            .Where(p => p.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .GroupBy(p => p.Key[Prefix.Length..].Split('.')[0])
            .Select(member => member
                .Where(p => p.Key.EndsWith(".Message", StringComparison.Ordinal) || p.Key.EndsWith(".Name", StringComparison.Ordinal)
                    || p.Key.EndsWith(".Value.DataType", StringComparison.Ordinal) || p.Key.EndsWith(".Value.StringValue", StringComparison.Ordinal))
                .Sum(p => Encoding.UTF8.GetByteCount(p.Value)));
    }
}
