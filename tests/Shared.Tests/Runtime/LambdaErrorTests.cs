using LambdaSuite.Runtime;

namespace Shared.Tests.Runtime;

public sealed class LambdaErrorTests
{
    [Fact]
    public void FromException_SingleInnerAggregate_ReportsInnerException()
    {
        var aggregate = new AggregateException(new ArgumentException("bad arg"));

        var error = LambdaError.FromException(aggregate);

        Assert.Equal("ArgumentException", error.ErrorType);
        Assert.Equal("bad arg", error.ErrorMessage);
    }

    [Fact]
    public void ToUtf8Json_ThenParse_RoundTrips()
    {
        var error = new LambdaError("msg \u00e9", "Type.Sub", ["at X.Y()", "at Z.W()"]);

        var parsed = LambdaError.Parse(error.ToUtf8Json());

        Assert.Equal(error.ErrorMessage, parsed.ErrorMessage);
        Assert.Equal(error.ErrorType, parsed.ErrorType);
        Assert.Equal(error.StackTrace, parsed.StackTrace);
    }

    [Fact]
    public void Parse_NotAnObject_GivesEmptyError()
    {
        var parsed = LambdaError.Parse("[\"x\"]"u8);

        Assert.Equal("", parsed.ErrorType);
        Assert.Empty(parsed.StackTrace);
    }

    [Fact]
    public void Parse_MalformedJson_Throws()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => LambdaError.Parse("{\"errorType\":"u8));
    }
}
