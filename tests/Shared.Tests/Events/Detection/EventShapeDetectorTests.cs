using System.Text;
using System.Text.Json.Nodes;
using LambdaSuite.Events.Detection;
using LambdaSuite.Events.Http;

namespace Shared.Tests.Events.Detection;

public class EventShapeDetectorTests
{
    [Theory]
    [InlineData("sns.json", EventShape.Sns)]
    [InlineData("sqs.json", EventShape.Sqs)]
    [InlineData("kinesis.json", EventShape.Kinesis)]
    [InlineData("dynamodb-stream.json", EventShape.DynamoDbStream)]
    [InlineData("eventbridge-custom.json", EventShape.EventBridge)]
    [InlineData("eventbridge-scheduled.json", EventShape.EventBridge)]
    [InlineData("alb-single-value.json", EventShape.Http)]
    [InlineData("alb-multi-value.json", EventShape.Http)]
    [InlineData("apigateway-v1-proxy.json", EventShape.Http)]
    [InlineData("apigateway-v2-http.json", EventShape.Http)]
    [InlineData("iot-provisioning-hook.json", EventShape.IotProvisioningHook)]
    [InlineData("iot-rule-payload.json", EventShape.Raw)]
    [InlineData("sns-notification-body.json", EventShape.Raw)]
    public void Detect_Sample_ReturnsItsShape(string file, EventShape expected)
    {
        var json = EventSamples.Load(file);

        var shape = EventShapeDetector.Detect(json);

        Assert.Equal(expected, shape);
    }

    [Theory]
    [InlineData(70)]
    [InlineData(5000)]
    public void Detect_RecordNestedPastDefaultReaderDepth_StillItsShape(int depth)
    {
        // A DynamoDB item nested 32 levels (legal) is about 70 JSON levels deep in a Streams event: too deep for a
        // reader's default 64, but well-formed, so it is a DynamoDB stream event, never "not JSON".
        var json = Encoding.UTF8.GetBytes("{\"Records\":[{\"eventSource\":\"aws:dynamodb\",\"x\":" + new string('[', depth) + new string(']', depth) + "}]}");

        var shape = EventShapeDetector.Detect(json);

        Assert.Equal(EventShape.DynamoDbStream, shape);
    }

    [Theory]
    [InlineData("""{"Records":[{"eventSource":"aws:s3"}]}""", EventShape.Raw)]
    [InlineData("""{"Records":[]}""", EventShape.Raw)]
    [InlineData("""{"Records":"nope"}""", EventShape.Raw)]
    [InlineData("""{"Records":[1,{"eventSource":"aws:sqs"}]}""", EventShape.Raw)]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"},{"EventSource":"aws:sns"}]}""", EventShape.Sqs)]
    [InlineData("""{"detail-type":"x","source":"y"}""", EventShape.Raw)]
    [InlineData("""{"requestContext":{}}""", EventShape.Raw)]
    [InlineData("""{"version":"2.0","rawPath":"/"}""", EventShape.Http)]
    [InlineData("""{"\u0052ecords":[{"eventSource":"aws:kinesis"}]}""", EventShape.Kinesis)]
    [InlineData("[]", EventShape.Raw)]
    [InlineData("\"text\"", EventShape.Raw)]
    [InlineData("42", EventShape.Raw)]
    [InlineData("", EventShape.NotJson)]
    [InlineData("{", EventShape.NotJson)]
    [InlineData("{} {}", EventShape.NotJson)]
    [InlineData("{\"a\":1,}", EventShape.NotJson)]
    public void Detect_EdgeInput_ReturnsExpectedShape(string input, EventShape expected)
    {
        var json = Encoding.UTF8.GetBytes(input);

        var shape = EventShapeDetector.Detect(json);

        Assert.Equal(expected, shape);
    }

    [Theory]
    [InlineData("alb-single-value.json", HttpEventKind.Alb)]
    [InlineData("alb-multi-value.json", HttpEventKind.AlbMultiValue)]
    [InlineData("apigateway-v1-proxy.json", HttpEventKind.ApiGatewayV1)]
    [InlineData("apigateway-v2-http.json", HttpEventKind.ApiGatewayV2)]
    public void Read_HttpSample_ReturnsHttpAndDocumentedKind(string file, HttpEventKind expected)
    {
        var json = EventSamples.Load(file);

        var detected = EventShapeDetector.Read(json);

        Assert.Equal(EventShape.Http, detected.Shape);
        Assert.Equal(expected, detected.HttpKind);
    }

    /// <summary>
    /// Issue 16, item 5: a records event is decided by its first record, so the detector reads no further than that
    /// record; the thousand records after it are read once, by the function's parser.
    /// </summary>
    [Theory]
    [InlineData("sns.json", EventShape.Sns)]
    [InlineData("sqs.json", EventShape.Sqs)]
    [InlineData("kinesis.json", EventShape.Kinesis)]
    [InlineData("dynamodb-stream.json", EventShape.DynamoDbStream)]
    public void Read_ThousandRecords_ReadsNoFurtherThanTheFirstRecord(string file, EventShape expected)
    {
        var first = JsonNode.Parse(EventSamples.Load(file))!["Records"]![0]!.ToJsonString();
        var head = "{\"Records\":[" + first;
        var json = Encoding.UTF8.GetBytes(head + string.Concat(Enumerable.Repeat("," + first, 999)) + "]}");

        var detected = EventShapeDetector.Read(json);

        Assert.Equal(expected, detected.Shape);
        Assert.InRange(detected.BytesRead, 1, Encoding.UTF8.GetByteCount(head));
    }

    [Theory]
    [InlineData("eventbridge-scheduled.json", EventShape.EventBridge)]
    [InlineData("alb-multi-value.json", EventShape.Http)]
    [InlineData("iot-provisioning-hook.json", EventShape.IotProvisioningHook)]
    [InlineData("iot-rule-payload.json", EventShape.Raw)]
    public void Read_ShapeWithMarkersAnywhere_ReadsTheTopLevelToItsEnd(string file, EventShape expected)
    {
        var json = EventSamples.Load(file);

        var detected = EventShapeDetector.Read(json);

        Assert.Equal(expected, detected.Shape);
        Assert.Equal(json.Length, detected.BytesRead);
    }

    [Theory]
    [InlineData("""{"Records":[{"eventSource":"aws:kinesis"},{"kinesis":""", EventShape.Kinesis)]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}]} trailing""", EventShape.Sqs)]
    [InlineData("""{"Records":[{"eventSource":"aws:kin""", EventShape.NotJson)]
    [InlineData("""{"Records":[{"x":{]""", EventShape.NotJson)]
    public void Read_FaultAfterTheFirstRecordsSource_LeftToTheParser(string input, EventShape expected)
    {
        var json = Encoding.UTF8.GetBytes(input);

        var shape = EventShapeDetector.Detect(json);

        Assert.Equal(expected, shape);
    }
}
