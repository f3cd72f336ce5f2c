using System.Text;
using System.Text.Json;
using IotRegistry.Activation;
using IotRegistry.Input;
using IotRegistry.Tests.Support;

namespace IotRegistry.Tests.Activation;

public sealed class ActivationRequestParserTests
{
    [Fact]
    public void TryParseBody_ValidBody_CarriesPathKey()
    {
        var body = "{\"activationCode\":\"Q7K2-M9XP-4TWZ\",\"email\":\"owner@example.com\"}"u8.ToArray();

        var parsed = ActivationRequestParser.TryParseBody("SN-1", "client-1", body, out var request, out var error);

        Assert.True(parsed, error?.Message);
        Assert.Equal("SN-1", request!.Key.SerialNumber);
        Assert.Equal("client-1", request.Key.ClientId);
        Assert.Equal("Q7K2-M9XP-4TWZ", request.ActivationCode);
        Assert.Equal("owner@example.com", request.OwnerEmail);
        Assert.DoesNotContain("Q7K2", request.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("owner@", request.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", InputErrorCodes.InvalidJson, null)]
    [InlineData("{", InputErrorCodes.InvalidJson, null)]
    [InlineData("[]", InputErrorCodes.InvalidJson, null)]
    [InlineData("{}", InputErrorCodes.MissingField, "activationCode")]
    [InlineData("{\"activationCode\":\"ABCDEF\"}", InputErrorCodes.MissingField, "email")]
    [InlineData("{\"activationCode\":123456,\"email\":\"owner@example.com\"}", InputErrorCodes.WrongType, "activationCode")]
    [InlineData("{\"activationCode\":\"ABCDEF\",\"email\":true}", InputErrorCodes.WrongType, "email")]
    [InlineData("{\"activationCode\":\"ABCDEF\",\"email\":\"not-an-email\"}", InputErrorCodes.InvalidEmail, "email")]
    [InlineData("{\"activationCode\":\"ABCDEF\",\"email\":\" owner@example.com\"}", InputErrorCodes.InvalidEmail, "email")]
    [InlineData("{\"activationCode\":\"ABCDEF\",\"email\":\"a@b.com\",\"email\":\"c@d.com\"}", InputErrorCodes.DuplicateField, "email")]
    public void TryParseBody_BadBody_RefusedWithCode(string body, string expectedCode, string? expectedField)
    {
        var parsed = ActivationRequestParser.TryParseBody("SN-1", "client-1", Encoding.UTF8.GetBytes(body), out var request, out var error);

        Assert.False(parsed);
        Assert.Null(request);
        Assert.Equal(expectedCode, error!.Code);
        Assert.Equal(expectedField, error.Field);
    }

    [Fact]
    public void TryParseBody_OversizedBody_TooLarge()
    {
        var body = Encoding.UTF8.GetBytes("{\"activationCode\":\"ABCDEF\",\"email\":\"owner@example.com\",\"pad\":\"" + new string('x', ActivationRequestParser.MaxBodyBytes) + "\"}");

        var parsed = ActivationRequestParser.TryParseBody("SN-1", "client-1", body, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(InputErrorCodes.TooLarge, error!.Code);
    }

    [Fact]
    public void TryParseBody_LongEmail_FieldTooLong()
    {
        var body = Encoding.UTF8.GetBytes("{\"activationCode\":\"ABCDEF\",\"email\":\"" + new string('a', 250) + "@example.com\"}");

        var parsed = ActivationRequestParser.TryParseBody("SN-1", "client-1", body, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(InputErrorCodes.FieldTooLong, error!.Code);
        Assert.Equal("email", error.Field);
    }

    [Theory]
    [InlineData("SN 1", "client-1", "serialNumber")]
    [InlineData("SN-1", "client'1", "clientId")]
    [InlineData("", "client-1", "serialNumber")]
    [InlineData("SN-1", "a/b", "clientId")]
    public void TryParseBody_BadPathValue_InvalidField(string serialNumber, string clientId, string expectedField)
    {
        var body = "{\"activationCode\":\"ABCDEF\",\"email\":\"owner@example.com\"}"u8.ToArray();

        var parsed = ActivationRequestParser.TryParseBody(serialNumber, clientId, body, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(InputErrorCodes.InvalidField, error!.Code);
        Assert.Equal(expectedField, error.Field);
    }

    [Fact]
    public void TryParseMessage_IotActivation_ReadsKeyFromMessage()
    {
        using var document = JsonDocument.Parse(TestData.Bytes("activation-iot.json"));

        var parsed = ActivationRequestParser.TryParseMessage(document.RootElement, out var request, out _);

        Assert.True(parsed);
        Assert.Equal("SN-0001", request!.Key.SerialNumber);
        Assert.Equal("thermostat-0001", request.Key.ClientId);
    }

    [Fact]
    public void TryParseMessage_MissingKey_MissingField()
    {
        using var document = JsonDocument.Parse("{\"operation\":\"activate\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\",\"email\":\"owner@example.com\"}");

        var parsed = ActivationRequestParser.TryParseMessage(document.RootElement, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(InputErrorCodes.MissingField, error!.Code);
        Assert.Equal("serialNumber", error.Field);
    }
}
