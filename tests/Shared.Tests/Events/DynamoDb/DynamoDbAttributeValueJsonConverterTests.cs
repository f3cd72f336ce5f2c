using System.Text.Json;
using LambdaSuite.Events;
using LambdaSuite.Events.DynamoDb;

namespace Shared.Tests.Events.DynamoDb;

public class DynamoDbAttributeValueJsonConverterTests
{
    private static Dictionary<string, DynamoDbAttributeValue>? ReadItem(string json) =>
        JsonSerializer.Deserialize(json, EventsJsonContext.Default.DictionaryStringDynamoDbAttributeValue);

    [Theory]
    [InlineData("""{"a":{"X":"1"}}""")]
    [InlineData("""{"a":{}}""")]
    [InlineData("""{"a":{"S":"x","N":"1"}}""")]
    [InlineData("""{"a":{"S":1}}""")]
    [InlineData("""{"a":{"N":"1.2.3"}}""")]
    [InlineData("""{"a":{"N":"NaN"}}""")]
    [InlineData("""{"a":{"N":1.5}}""")]
    [InlineData("""{"a":{"B":"@@"}}""")]
    [InlineData("""{"a":{"NULL":false}}""")]
    [InlineData("""{"a":{"BOOL":"true"}}""")]
    [InlineData("""{"a":{"NS":["1","x"]}}""")]
    [InlineData("""{"a":{"M":[]}}""")]
    [InlineData("""{"a":{"L":{}}}""")]
    [InlineData("""{"a":"plain"}""")]
    public void Read_MalformedAttribute_ThrowsJsonException(string json)
    {
        var read = () => ReadItem(json);

        Assert.Throws<JsonException>(read);
    }

    [Fact]
    public void Write_EveryKind_ProducesTypedJsonThatReadsBack()
    {
        var item = new Dictionary<string, DynamoDbAttributeValue>
        {
            ["s"] = DynamoDbAttributeValue.FromString("x"),
            ["n"] = DynamoDbAttributeValue.FromNumber("0.10"),
            ["b"] = DynamoDbAttributeValue.FromBinary([1, 2]),
            ["ss"] = DynamoDbAttributeValue.FromStringSet(["a"]),
            ["ns"] = DynamoDbAttributeValue.FromNumberSet(["7"]),
            ["bs"] = DynamoDbAttributeValue.FromBinarySet([[3]]),
            ["m"] = DynamoDbAttributeValue.FromMap(new Dictionary<string, DynamoDbAttributeValue> { ["k"] = DynamoDbAttributeValue.Null }),
            ["l"] = DynamoDbAttributeValue.FromList([DynamoDbAttributeValue.FromBool(true)]),
        };

        var json = JsonSerializer.Serialize(item, EventsJsonContext.Default.DictionaryStringDynamoDbAttributeValue);

        Assert.Equal(
            """{"s":{"S":"x"},"n":{"N":"0.10"},"b":{"B":"AQI="},"ss":{"SS":["a"]},"ns":{"NS":["7"]},"bs":{"BS":["Aw=="]},"m":{"M":{"k":{"NULL":true}}},"l":{"L":[{"BOOL":true}]}}""",
            json);
        Assert.Equal(json, JsonSerializer.Serialize(ReadItem(json)!, EventsJsonContext.Default.DictionaryStringDynamoDbAttributeValue));
    }

    [Fact]
    public void FromNumber_NotANumber_ThrowsFormatException()
    {
        var create = () => DynamoDbAttributeValue.FromNumber("12abc");

        Assert.Throws<FormatException>(create);
    }
}
