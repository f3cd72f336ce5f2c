using LambdaSuite.Events.DynamoDb;

namespace Shared.Tests.Events.DynamoDb;

public class DynamoDbNumberTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-12.75")]
    [InlineData("9.9999999999999999999999999999999999999E+125")]
    [InlineData("1E-130")]
    public void TryToJsonNumber_JsonNumber_ReturnsSameText(string text)
    {
        var ok = DynamoDbNumber.TryToJsonNumber(text, out var json);

        Assert.True(ok);
        Assert.Same(text, json);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData(" 1")]
    [InlineData("0x10")]
    [InlineData("Infinity")]
    [InlineData("1,5")]
    public void TryToJsonNumber_NotANumber_ReturnsFalse(string? text)
    {
        var ok = DynamoDbNumber.TryToJsonNumber(text, out var json);

        Assert.False(ok);
        Assert.Null(json);
    }
}
