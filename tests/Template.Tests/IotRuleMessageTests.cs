using System.Text.Json;
using System.Text.Json.Nodes;
using IotRegistry.Activation;
using IotRegistry.Iot;
using IotRegistry.Registration;
using Template.Tests.Support;

namespace Template.Tests;

/// <summary>
/// What the template's IoT rules hand IotRegistry, worked out from their SQL for a device's real messages and read
/// by the function's own parsers: a rule whose output the function misreads would break the IoT door after a
/// clean deploy, or let one device register under another's client id.
/// </summary>
public class IotRuleMessageTests
{
    private const string Prefix = "devices";

    [Fact]
    public void RegistrationRule_DeviceMessage_ParsesAsRegistrationCarryingTheConnectionsIdentity()
    {
        var sql = Sql("IotRegistrationRule");
        var payload = new JsonObject { ["serialNumber"] = "SN-1", ["clientId"] = "thing-1", ["activationCode"] = "AC-0123456789ABCDEF", ["device"] = "thermostat" };

        var message = IotRuleSelect.Apply(sql, payload, clientId: "thing-1", principal: "cert-abc", topic: $"{Prefix}/SN-1/register", timestamp: 1764849600000);

        Assert.Equal($"{Prefix}/+/register", IotRuleSelect.Filter(sql));
        Assert.False(message.ContainsKey(IotMessageHandler.OperationField), "no operation means a registration");
        using var document = JsonDocument.Parse(message.ToJsonString());
        Assert.True(DeviceRegistrationParser.TryParse(document.RootElement, out var registration, out var error), error?.Message);
        Assert.Equal(("thing-1", "cert-abc", $"{Prefix}/SN-1/register"), (registration.MqttClientId, registration.Principal, registration.Topic));
        Assert.Equal(("SN-1", "thing-1"), (registration.Key.SerialNumber, registration.Key.ClientId));
    }

    [Fact]
    public void RegistrationRule_OtherDevicesClientIdInPayload_ReachesTheFunctionAsAMismatch()
    {
        var payload = new JsonObject { ["serialNumber"] = "SN-2", ["clientId"] = "thing-2", ["activationCode"] = "AC-0123456789ABCDEF" };

        var message = IotRuleSelect.Apply(Sql("IotRegistrationRule"), payload, clientId: "intruder", principal: "cert-x", topic: $"{Prefix}/SN-2/register", timestamp: 1);

        using var document = JsonDocument.Parse(message.ToJsonString());
        Assert.True(DeviceRegistrationParser.TryParse(document.RootElement, out var registration, out _));
        Assert.NotEqual(registration.Key.ClientId, registration.MqttClientId);
    }

    [Fact]
    public void ActivationRule_OwnersMessage_ParsesAsActivation()
    {
        var payload = new JsonObject { ["serialNumber"] = "SN-1", ["clientId"] = "thing-1", ["activationCode"] = "AC-0123456789ABCDEF", ["email"] = "owner@example.com" };

        var message = IotRuleSelect.Apply(Sql("IotActivationRule"), payload, clientId: "owner-app", principal: "cert-o", topic: $"{Prefix}/SN-1/activate", timestamp: 1);

        Assert.Equal(IotMessageHandler.ActivateOperation, (string?)message[IotMessageHandler.OperationField]);
        using var document = JsonDocument.Parse(message.ToJsonString());
        Assert.True(ActivationRequestParser.TryParseMessage(document.RootElement, out var request, out var error), error?.Message);
        Assert.Equal(("SN-1", "thing-1", "owner@example.com"), (request.Key.SerialNumber, request.Key.ClientId, request.OwnerEmail));
    }

    [Theory]
    [InlineData("IotRegistrationRule")]
    [InlineData("IotActivationRule")]
    public void IotRules_HaveAnErrorAction(string rule)
    {
        var payload = SamTemplate.Repository.Resource(rule).GetProperty("Properties").GetProperty("TopicRulePayload");

        Assert.True(payload.GetProperty("ErrorAction").TryGetProperty("Sqs", out _));
    }

    private static string Sql(string rule)
    {
        var template = SamTemplate.Repository;
        var sql = template.Resource(rule).GetProperty("Properties").GetProperty("TopicRulePayload").GetProperty("Sql");
        return new IntrinsicEvaluator(template, new Dictionary<string, string> { ["IotTopicPrefix"] = Prefix }).String(sql);
    }
}
