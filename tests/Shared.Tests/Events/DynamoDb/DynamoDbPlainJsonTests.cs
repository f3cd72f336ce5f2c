using System.Text.Json;
using LambdaSuite.Events;
using LambdaSuite.Events.DynamoDb;

namespace Shared.Tests.Events.DynamoDb;

public class DynamoDbPlainJsonTests
{
    [Fact]
    public void ToJsonString_HighPrecisionNumber_WrittenVerbatim()
    {
        var item = new Dictionary<string, DynamoDbAttributeValue>
        {
            ["balance"] = DynamoDbAttributeValue.FromNumber("12345678901234567890.123456789"),
            ["price"] = DynamoDbAttributeValue.FromNumber("1.50"),
        };

        var json = DynamoDbPlainJson.ToJsonString(item);

        Assert.Equal("""{"balance":12345678901234567890.123456789,"price":1.50}""", json);
    }

    [Fact]
    public void ToJsonString_StreamSampleImage_ConvertsEveryType()
    {
        var streamEvent = JsonSerializer.Deserialize(EventSamples.Load("dynamodb-stream.json"), EventsJsonContext.Default.DynamoDbStreamEvent)!;

        var json = DynamoDbPlainJson.ToJsonString(streamEvent.Records[0].DynamoDb!.NewImage!);

        Assert.Equal(
            """{"pk":"DEVICE#d-1","sk":1,"balance":12345678901234567890.123456789,"price":1.50,"secret":"AAEC/w==","tags":["blue","green"],"levels":[1,2.5,-3E+2],"blobs":["AQ==","Ag=="],"active":true,"retired":null,"config":{"limits":{"max":99.990},"history":[0.1,"x",[false]]}}""",
            json);
    }

    [Fact]
    public void ToUtf8Json_NestedNumber_ParsesAsExactDecimal()
    {
        var item = new Dictionary<string, DynamoDbAttributeValue>
        {
            ["outer"] = DynamoDbAttributeValue.FromList(
            [
                DynamoDbAttributeValue.FromMap(new Dictionary<string, DynamoDbAttributeValue>
                {
                    ["n"] = DynamoDbAttributeValue.FromNumber("-0.000000000000000000000000000001"),
                }),
            ]),
        };

        using var document = JsonDocument.Parse(DynamoDbPlainJson.ToUtf8Json(item));

        var number = document.RootElement.GetProperty("outer")[0].GetProperty("n");
        Assert.Equal(JsonValueKind.Number, number.ValueKind);
        Assert.Equal("-0.000000000000000000000000000001", number.GetRawText());
    }

    [Theory]
    [InlineData("+1", "1")]
    [InlineData(".5", "0.5")]
    [InlineData("-.5", "-0.5")]
    [InlineData("007", "7")]
    [InlineData("5.", "5")]
    [InlineData("1e10", "1e10")]
    public void ToJsonString_NumberNotInJsonForm_NormalisedWithoutChangingValue(string number, string expected)
    {
        var item = new Dictionary<string, DynamoDbAttributeValue> { ["n"] = DynamoDbAttributeValue.FromNumber(number) };

        var json = DynamoDbPlainJson.ToJsonString(item);

        Assert.Equal($$"""{"n":{{expected}}}""", json);
    }
}
