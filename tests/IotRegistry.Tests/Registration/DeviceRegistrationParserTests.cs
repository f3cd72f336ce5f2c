using System.Text.Json;
using IotRegistry.Input;
using IotRegistry.Registration;
using IotRegistry.Tests.Support;

namespace IotRegistry.Tests.Registration;

public sealed class DeviceRegistrationParserTests
{
    [Fact]
    public void TryParse_PeerPayload_ReadsEveryField()
    {
        using var json = JsonDocument.Parse(TestData.Bytes("registration.json"));

        var parsed = DeviceRegistrationParser.TryParse(json.RootElement, out var registration, out var error);

        Assert.True(parsed, error?.Message);
        Assert.Equal("SN-0001", registration!.Key.SerialNumber);
        Assert.Equal("thermostat-0001", registration.Key.ClientId);
        Assert.Equal("Q7K2-M9XP-4TWZ", registration.ActivationCode);
        Assert.Equal("Thermostat", registration.DeviceName);
        Assert.Equal("MySmartIoTDevice", registration.Type);
        Assert.Equal("a1b2c3d4e5f6g7-ats.iot.eu-west-1.amazonaws.com", registration.Endpoint);
        Assert.StartsWith("7f3e9a0c", registration.CertificateId, StringComparison.Ordinal);
        Assert.Null(registration.MqttClientId);
    }

    [Fact]
    public void TryParse_RuleEnrichedPayload_ReadsRuleFields()
    {
        using var json = JsonDocument.Parse(TestData.Bytes("registration-enriched.json"));

        var parsed = DeviceRegistrationParser.TryParse(json.RootElement, out var registration, out _);

        Assert.True(parsed);
        Assert.Equal("thermostat-0002", registration!.MqttClientId);
        Assert.Equal("devices/SN-0002/register", registration.Topic);
        Assert.StartsWith("0a1b2c3d", registration.Principal, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Registration_HidesTheCode()
    {
        using var json = JsonDocument.Parse(TestData.Bytes("registration.json"));
        DeviceRegistrationParser.TryParse(json.RootElement, out var registration, out _);

        var text = registration!.ToString();

        Assert.DoesNotContain("Q7K2", text, StringComparison.Ordinal);
        Assert.Contains("SN-0001", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\"}", InputErrorCodes.MissingField, "serialNumber")]
    [InlineData("{\"serialNumber\":\"s1\",\"activationCode\":\"ABCDEF\"}", InputErrorCodes.MissingField, "clientId")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\"}", InputErrorCodes.MissingField, "activationCode")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":null}", InputErrorCodes.MissingField, "activationCode")]
    [InlineData("{\"serialNumber\":42,\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\"}", InputErrorCodes.WrongType, "serialNumber")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":[\"c1\"],\"activationCode\":\"ABCDEF\"}", InputErrorCodes.WrongType, "clientId")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":123456}", InputErrorCodes.WrongType, "activationCode")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\",\"activated\":5}", InputErrorCodes.WrongType, "activated")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\",\"activated\":\"yes\"}", InputErrorCodes.WrongType, "activated")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\",\"mqttTimestamp\":\"now\"}", InputErrorCodes.WrongType, "mqttTimestamp")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\",\"device\":{}}", InputErrorCodes.WrongType, "device")]
    [InlineData("{\"serialNumber\":\"s1\\\" OR attribute_exists(x) OR \\\"\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\"}", InputErrorCodes.InvalidField, "serialNumber")]
    [InlineData("{\"serialNumber\":\"#sn\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\"}", InputErrorCodes.InvalidField, "serialNumber")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1)\",\"activationCode\":\"ABCDEF\"}", InputErrorCodes.InvalidField, "clientId")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c 1\",\"activationCode\":\"ABCDEF\"}", InputErrorCodes.InvalidField, "clientId")]
    [InlineData("{\"serialNumber\":\"s1/../x\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\"}", InputErrorCodes.InvalidField, "serialNumber")]
    [InlineData("{\"serialNumber\":\"\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\"}", InputErrorCodes.InvalidField, "serialNumber")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":\"ABC\"}", InputErrorCodes.InvalidField, "activationCode")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":\"ABC DEF\"}", InputErrorCodes.InvalidField, "activationCode")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\",\"device\":\"a\\u0000b\"}", InputErrorCodes.InvalidField, "device")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\",\"device\":\"\\ud800\"}", InputErrorCodes.InvalidField, "device")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\",\"mqttClientId\":\"c 2\"}", InputErrorCodes.InvalidField, "mqttClientId")]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"serialNumber\":\"s2\",\"activationCode\":\"ABCDEF\"}", InputErrorCodes.DuplicateField, "serialNumber")]
    public void TryParse_BadField_RefusedNamingFieldAndCode(string json, string expectedCode, string expectedField)
    {
        using var document = JsonDocument.Parse(json);

        var parsed = DeviceRegistrationParser.TryParse(document.RootElement, out var registration, out var error);

        Assert.False(parsed);
        Assert.Null(registration);
        Assert.Equal(expectedCode, error!.Code);
        Assert.Equal(expectedField, error.Field);
    }

    [Theory]
    [InlineData("serialNumber", 129)]
    [InlineData("clientId", 129)]
    [InlineData("activationCode", 129)]
    [InlineData("device", 129)]
    [InlineData("endpoint", 254)]
    public void TryParse_OversizedField_FieldTooLong(string field, int length)
    {
        var values = new Dictionary<string, string> { ["serialNumber"] = "s1", ["clientId"] = "c1", ["activationCode"] = "ABCDEF" };
        values[field] = new string('a', length);
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(values));

        var parsed = DeviceRegistrationParser.TryParse(document.RootElement, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(InputErrorCodes.FieldTooLong, error!.Code);
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("true")]
    public void TryParse_PayloadClaimsActivated_AcceptedAndNotCarried(string activated)
    {
        using var document = JsonDocument.Parse("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\",\"activated\":" + activated + ",\"email\":\"thief@example.com\"}");

        var parsed = DeviceRegistrationParser.TryParse(document.RootElement, out var registration, out _);

        Assert.True(parsed);
        Assert.DoesNotContain("thief", registration!.ToString(), StringComparison.Ordinal);
    }
}
