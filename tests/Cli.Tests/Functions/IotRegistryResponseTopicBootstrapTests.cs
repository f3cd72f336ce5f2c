using System.Text;
using System.Text.Json;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit.Moto;

namespace Cli.Tests.Functions;

/// <summary>
/// IotRegistry's packaged bootstrap under a local Runtime API answering devices on their response topics through the
/// stack's moto (AWS_ENDPOINT_URL_IOT_DATA_PLANE): each IoT rule event's result is read back from moto's own request
/// recorder (<see cref="MotoIotData"/>), not through our client, and compared byte for byte with the invocation's
/// answer. Serials are unique per test, so the topics are too.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IotRegistryResponseTopicBootstrapTests : IAsyncLifetime
{
    private const string Prefix = "devices";
    private const string Code = "AC-RESP-7Q2M-X9KD";
    private readonly string _serial = "SN-RESP-" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _clientId = "thing-" + Guid.NewGuid().ToString("N")[..8];
    private PackagedFunction _function = null!;

    public async Task InitializeAsync()
    {
        await MotoIotData.StartRecordingAsync();
        var environment = new Dictionary<string, string?>
        {
            ["IOT_TOPIC_PREFIX"] = Prefix,
        };
        _function = await PackagedFunction.StartAsync("IotRegistry", TableCatalog.IotCatalog, environment);
    }

    public async Task DisposeAsync()
    {
        if (_function is not null)
        {
            await _function.DisposeAsync();
        }
    }

    [Fact]
    public async Task Bootstrap_IotRegistrationThenActivation_EachResultOnItsAcceptedTopicInMoto()
    {
        var registered = await InvokeAsync(Registration(_clientId));
        var activated = await InvokeAsync(Activation(Code));

        var registerAnswer = Assert.Single(await MotoIotData.PublishedAsync($"{Prefix}/{_serial}/register/accepted"));
        var activateAnswer = Assert.Single(await MotoIotData.PublishedAsync($"{Prefix}/{_serial}/activate/accepted"));

        Assert.Equal(registered, registerAnswer.Payload);
        Assert.Equal(activated, activateAnswer.Payload);
        Assert.Equal((1, 1), (registerAnswer.Qos, activateAnswer.Qos));
        Assert.Equal(("registered", "activated"), (Outcome(registerAnswer.Payload), Outcome(activateAnswer.Payload)));
        Assert.All([registerAnswer, activateAnswer], p =>
        {
            var text = Encoding.UTF8.GetString(p.Payload);
            Assert.DoesNotContain(Code, text, StringComparison.Ordinal);
            Assert.DoesNotContain("hmac", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("owner@resp.example", text, StringComparison.Ordinal);
        });
        Assert.Empty(await MotoIotData.PublishedAsync($"{Prefix}/{_serial}/activate/rejected"));
    }

    [Fact]
    public async Task Bootstrap_WrongCodeOverIot_ResultOnTheRejectedTopicOnly()
    {
        await InvokeAsync(Registration(_clientId));

        var refused = await InvokeAsync(Activation("AC-NOT-THE-CODE-1"));

        var answer = Assert.Single(await MotoIotData.PublishedAsync($"{Prefix}/{_serial}/activate/rejected"));
        Assert.Equal(refused, answer.Payload);
        Assert.Equal("wrong_code", Outcome(answer.Payload));
        Assert.DoesNotContain("AC-NOT-THE-CODE-1", Encoding.UTF8.GetString(answer.Payload), StringComparison.Ordinal);
        Assert.Empty(await MotoIotData.PublishedAsync($"{Prefix}/{_serial}/activate/accepted"));
    }

    [Fact]
    public async Task Bootstrap_RegistrationFromAnotherClient_NothingPublishedOnTheNamedDevicesTopics()
    {
        var spoofed = await InvokeAsync(Registration("intruder-" + _clientId));

        Assert.Equal("client_id_mismatch", Outcome(spoofed));
        Assert.Empty(await MotoIotData.PublishedAsync($"{Prefix}/{_serial}/register/rejected"));
        Assert.Empty(await MotoIotData.PublishedAsync($"{Prefix}/{_serial}/register/accepted"));
    }

    private byte[] Registration(string mqttClientId) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["serialNumber"] = _serial,
        ["clientId"] = _clientId,
        ["device"] = "Response-topic thermostat",
        ["type"] = "MySmartIoTDevice",
        ["activationCode"] = Code,
        ["activated"] = "false",
        ["mqttClientId"] = mqttClientId,
        ["mqttTopic"] = $"{Prefix}/{_serial}/register",
    }));

    private byte[] Activation(string code) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["operation"] = "activate",
        ["serialNumber"] = _serial,
        ["clientId"] = _clientId,
        ["activationCode"] = code,
        ["email"] = "owner@resp.example",
    }));

    private static string? Outcome(byte[] answer) => JsonDocument.Parse(answer).RootElement.GetProperty("outcome").GetString();

    private async Task<byte[]> InvokeAsync(byte[] message)
    {
        var outcome = await _function.Session.InvokeAsync(message, TimeSpan.FromSeconds(30), default);
        Assert.False(outcome.IsError, Encoding.UTF8.GetString(outcome.Body));
        return outcome.Body.ToArray();
    }
}
