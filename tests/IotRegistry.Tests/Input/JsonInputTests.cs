using System.Text;
using IotRegistry.Input;

namespace IotRegistry.Tests.Input;

public sealed class JsonInputTests
{
    [Theory]
    [InlineData("{\"a\":", InputErrorCodes.InvalidJson)]
    [InlineData("not json", InputErrorCodes.InvalidJson)]
    [InlineData("[1,2]", InputErrorCodes.InvalidJson)]
    [InlineData("\"text\"", InputErrorCodes.InvalidJson)]
    [InlineData("{\"a\":1,}", InputErrorCodes.InvalidJson)]
    [InlineData("{/*c*/\"a\":1}", InputErrorCodes.InvalidJson)]
    [InlineData("{\"a\":1,\"a\":2}", InputErrorCodes.DuplicateField)]
    public void TryParseObject_BadInput_RefusedWithCode(string json, string expectedCode)
    {
        var parsed = JsonInput.TryParseObject(Encoding.UTF8.GetBytes(json), 1024, out var document, out var error);

        Assert.False(parsed);
        Assert.Null(document);
        Assert.Equal(expectedCode, error!.Code);
    }

    [Fact]
    public void TryParseObject_OverLimit_RefusedBeforeParsing()
    {
        var json = Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 100) + "\"}");

        var parsed = JsonInput.TryParseObject(json, 64, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(InputErrorCodes.TooLarge, error!.Code);
    }

    [Fact]
    public void TryParseObject_DeepNesting_Refused()
    {
        var json = Encoding.UTF8.GetBytes("{\"a\":" + string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40)) + "}");

        var parsed = JsonInput.TryParseObject(json, 4096, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(InputErrorCodes.InvalidJson, error!.Code);
    }

    [Fact]
    public void TryParseObject_InvalidUtf8_Refused()
    {
        byte[] json = [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}'];

        var parsed = JsonInput.TryParseObject(json, 4096, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(InputErrorCodes.InvalidJson, error!.Code);
    }

    [Fact]
    public void TryParseObject_EveryTruncation_FailsCleanly()
    {
        var json = "{\"activationCode\":\"ABCDEF-12\",\"email\":\"owner@example.com\"}"u8.ToArray();

        for (var length = 0; length < json.Length; length++)
        {
            var parsed = JsonInput.TryParseObject(json.AsMemory(0, length), 4096, out _, out var error);

            Assert.False(parsed);
            Assert.Equal(InputErrorCodes.InvalidJson, error!.Code);
        }
    }

    [Fact]
    public void TryParseObject_ValidObject_ReturnsDocument()
    {
        var parsed = JsonInput.TryParseObject("{\"a\":1}"u8.ToArray(), 64, out var document, out var error);

        Assert.True(parsed);
        Assert.Null(error);
        Assert.Equal(1, document!.RootElement.GetProperty("a").GetInt32());
        document.Dispose();
    }
}
