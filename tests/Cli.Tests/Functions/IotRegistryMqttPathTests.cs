using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Iot;
using LambdaSuite.TestKit.Dynamo;
using MQTTnet;

namespace Cli.Tests.Functions;

/// <summary>
/// Devices over MQTT end to end: simulated devices with their own certificates publish to the stack's mosquitto
/// (mutual TLS, per-certificate ACL), the local rule engine runs the template's rule SQL and invokes the packaged
/// IotRegistry bootstrap, the function answers through the local IoT Data plane into mosquitto, and the device hears
/// it; what was stored is read back from DynamoDB Local. Serials are unique per test.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IotRegistryMqttPathTests : IAsyncLifetime
{
    private static readonly TimeSpan s_answerWait = TimeSpan.FromSeconds(30);
    private readonly IAmazonDynamoDB _dynamoDb = LocalDynamoDb.CreateClient();
    private readonly List<string> _logs = [];
    private readonly string _run = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private string _table = "";
    private LocalIotPath? _path;

    private LocalIotPath Path => _path!;

    public async Task InitializeAsync()
    {
        _table = await LocalDynamoDb.CreateUniqueTableAsync(_dynamoDb, TableCatalog.IotCatalog);
        _path = await LocalIotPath.StartAsync(
            RepositoryLayout.Discover(),
            MqttStack.FromEnvironment(Environment.GetEnvironmentVariable),
            new Dictionary<string, string?> { ["IOT_CATALOG_TABLE"] = _table },
            l => { lock (_logs) { _logs.Add(l); } },
            default);
    }

    public async Task DisposeAsync()
    {
        if (_path is not null)
        {
            await _path.DisposeAsync();
        }

        await _dynamoDb.DeleteTableAsync(_table);
        _dynamoDb.Dispose();
    }

    [Fact]
    public async Task Register_ThreeDevicesOverMqtt_EachHearsAcceptedAndIsStoredWithItsCertificateAsPrincipal()
    {
        var serials = Enumerable.Range(1, 3).Select(i => $"SN-MQTT-{_run}-{i}").ToList();

        var answers = new List<DeviceAnswer?>();
        foreach (var serial in serials)
        {
            await using var device = await Path.ConnectDeviceAsync(serial, "thing-" + serial, default);
            await device.PublishAsync(device.RegisterTopic, Registration(serial, "thing-" + serial), default);
            answers.Add(await device.NextAnswerAsync(s_answerWait, default));
        }

        for (var i = 0; i < serials.Count; i++)
        {
            var answer = answers[i];
            Assert.NotNull(answer);
            Assert.Equal($"devices/{serials[i]}/register/accepted", answer.Topic);
            Assert.Equal("registered", Field(answer.Payload, "outcome"));
            Assert.DoesNotContain("AC-MQTT", Encoding.UTF8.GetString(answer.Payload), StringComparison.Ordinal);
            var item = await ItemAsync(serials[i], "thing-" + serials[i]);
            Assert.Equal(Path.Certificates.Find(serials[i])!.CertificateId, item["principal"].S);
        }

        Assert.All(Path.Engine.Invocations, i => Assert.Equal("IotRegistrationRule", i.RuleId));
    }

    [Fact]
    public async Task Publish_OnAnotherDevicesTopic_RefusedByTheBrokerAndNeverReachesTheFunction()
    {
        var victim = $"SN-MQTT-{_run}-VICTIM";
        await using var intruder = await Path.ConnectDeviceAsync($"SN-MQTT-{_run}-INTRUDER", "intruder", default);

        var published = await intruder.PublishAsync($"devices/{victim}/register", Registration(victim, "intruder"), default);

        // mosquitto 2.0 answers a denied QoS 1 publish with PUBACK "not authorized" under MQTT 5; either way nothing is delivered.
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, published.ReasonCode);
        await intruder.PublishAsync(intruder.RegisterTopic, "{\"marker\":true}"u8.ToArray(), default);
        Assert.True(await Path.Engine.WaitForAsync(1, s_answerWait, default));
        Assert.DoesNotContain(Path.Engine.Invocations, i => i.Topic.Contains(victim, StringComparison.Ordinal));
        Assert.Null(await ItemOrNullAsync(victim, "intruder"));
    }

    [Fact]
    public async Task Register_OwnTopicButAnotherSerialInThePayload_RejectedOnTheSendersTopicAndNothingStored()
    {
        var victim = $"SN-MQTT-{_run}-VICTIM2";
        var sender = $"SN-MQTT-{_run}-SENDER";
        await using var device = await Path.ConnectDeviceAsync(sender, "thing-sender", default);

        await device.PublishAsync(device.RegisterTopic, Registration(victim, "thing-sender"), default);
        var answer = await device.NextAnswerAsync(s_answerWait, default);

        Assert.NotNull(answer);
        Assert.Equal($"devices/{sender}/register/rejected", answer.Topic);
        Assert.Equal(("serial_mismatch", sender), (Field(answer.Payload, "outcome"), Field(answer.Payload, "serialNumber")));
        Assert.Null(await ItemOrNullAsync(victim, "thing-sender"));
        Assert.Null(await ItemOrNullAsync(sender, "thing-sender"));
    }

    [Fact]
    public async Task Register_SameSerialWithOtherDetails_ConflictAnsweredOnTheRejectedTopic()
    {
        var serial = $"SN-MQTT-{_run}-AGAIN";
        await using var device = await Path.ConnectDeviceAsync(serial, "thing-again", default);
        await device.PublishAsync(device.RegisterTopic, Registration(serial, "thing-again"), default);
        var first = await device.NextAnswerAsync(s_answerWait, default);

        await device.PublishAsync(device.RegisterTopic, Registration(serial, "thing-again", device: "Another name"), default);
        var second = await device.NextAnswerAsync(s_answerWait, default);

        Assert.Equal($"devices/{serial}/register/accepted", first?.Topic);
        Assert.NotNull(second);
        Assert.Equal($"devices/{serial}/register/rejected", second.Topic);
        Assert.Equal(("conflict", "409"), (Field(second.Payload, "outcome"), Field(second.Payload, "status")));
    }

    [Fact]
    public async Task Activate_OwnerThroughTheHttpDoorAfterMqttRegistration_ActivatedInDynamoDb()
    {
        var serial = $"SN-MQTT-{_run}-OWNED";
        await using var device = await Path.ConnectDeviceAsync(serial, "thing-owned", default);
        await device.PublishAsync(device.RegisterTopic, Registration(serial, "thing-owned"), default);
        Assert.True((await device.NextAnswerAsync(s_answerWait, default))?.Accepted);

        var outcome = await Path.Session.InvokeAsync(ActivationHttpEvent.Build(serial, "thing-owned", "AC-MQTT-7Q2M-X9KD", "owner@mqtt.example"), s_answerWait, default);

        Assert.False(outcome.IsError);
        Assert.Equal("200", Field(outcome.Body, "statusCode"));
        Assert.Equal("owner@mqtt.example", (await ItemAsync(serial, "thing-owned"))["claimEmail"].S);
    }

    private static byte[] Registration(string serial, string clientId, string device = "MQTT thermostat") =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["serialNumber"] = serial,
            ["clientId"] = clientId,
            ["device"] = device,
            ["type"] = "MySmartIoTDevice",
            ["activationCode"] = "AC-MQTT-7Q2M-X9KD",
        }));

    private static string? Field(byte[] json, string name)
    {
        var value = JsonDocument.Parse(json).RootElement.GetProperty(name);
        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }

    private async Task<Dictionary<string, AttributeValue>> ItemAsync(string serial, string clientId) =>
        await ItemOrNullAsync(serial, clientId) ?? throw new Xunit.Sdk.XunitException($"No item for {serial}/{clientId} in {_table}.");

    private async Task<Dictionary<string, AttributeValue>?> ItemOrNullAsync(string serial, string clientId)
    {
        var response = await _dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = new() { ["serialNumber"] = new AttributeValue { S = serial }, ["clientId"] = new AttributeValue { S = clientId } },
            ConsistentRead = true,
        });
        return response.IsItemSet ? response.Item : null;
    }
}
