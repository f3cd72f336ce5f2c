using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LambdaSuite.Events;
using LambdaSuite.Events.Detection;
using LambdaSuite.Events.Http;

namespace Shared.Tests.Events;

public class EventJsonTests
{
    public static TheoryData<string, EventShape> RecordSamples => new()
    {
        { "sns.json", EventShape.Sns },
        { "sqs.json", EventShape.Sqs },
        { "dynamodb-stream.json", EventShape.DynamoDbStream },
    };

    [Theory]
    [MemberData(nameof(RecordSamples))]
    public void TryParse_SampleWithFieldsAwsMightAdd_StillParsesAndDetects(string file, EventShape shape)
    {
        var node = JsonNode.Parse(EventSamples.Load(file))!;
        node["futureTopLevel"] = new JsonObject { ["x"] = new JsonArray(1, 2) };
        node["Records"]![0]!["futureRecordField"] = "new";
        var json = System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());

        var parsed = TryParseAs(shape, json);

        Assert.True(parsed);
        Assert.Equal(shape, EventShapeDetector.Detect(json));
    }

    [Theory]
    [MemberData(nameof(RecordSamples))]
    public void TryParse_SampleCutAtEveryLength_NeverThrows(string file, EventShape shape)
    {
        var json = EventSamples.Load(file);
        var lastOpening = json.Length - 2;

        for (var length = 0; length < lastOpening; length += 7)
        {
            var parsed = TryParseAs(shape, json.AsSpan(0, length).ToArray());

            Assert.False(parsed, $"cut at {length} parsed");
        }
    }

    [Fact]
    public void Parse_JsonNull_ThrowsInvalidEventException()
    {
        var json = "null"u8.ToArray();

        var error = Assert.Throws<InvalidEventException>(() => EventJson.Parse(json, EventsJsonContext.Default.SqsEvent));

        Assert.Contains("SqsEvent", error.Message);
    }

    [Fact]
    public void Parse_WrongType_ThrowsWithPath()
    {
        var json = """{"Records":[{"dynamodb":{"ApproximateCreationDateTime":"soon"}}]}"""u8.ToArray();

        var error = Assert.Throws<InvalidEventException>(() => EventJson.Parse(json, EventsJsonContext.Default.DynamoDbStreamEvent));

        Assert.Contains("ApproximateCreationDateTime", error.Message);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
    }

    private static bool TryParseAs(EventShape shape, byte[] json) => shape switch
    {
        EventShape.Sns => TryParse(json, EventsJsonContext.Default.SnsEvent),
        EventShape.Sqs => TryParse(json, EventsJsonContext.Default.SqsEvent),
        EventShape.DynamoDbStream => TryParse(json, EventsJsonContext.Default.DynamoDbStreamEvent),
        EventShape.Http => HttpEventParser.TryParse(json, out _),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    private static bool TryParse<T>(byte[] json, JsonTypeInfo<T> typeInfo)
        where T : class => EventJson.TryParse(json, typeInfo, out _);
}
