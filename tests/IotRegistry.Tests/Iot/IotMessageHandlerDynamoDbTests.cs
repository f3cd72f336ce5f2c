using System.Text;
using Amazon.DynamoDBv2.Model;
using IotRegistry.Input;
using IotRegistry.Tests.Support;
using LambdaSuite.Data.Devices;
using LambdaSuite.TestKit.Devices;

namespace IotRegistry.Tests.Iot;

/// <summary>The IoT door against DynamoDB Local, where the stored item itself is checked.</summary>
[Trait("Category", "Integration")]
public sealed class IotMessageHandlerDynamoDbTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>
{
    private readonly IotRegistryHarness _harness = new(table);

    [Fact]
    public async Task HandleAsync_RegistrationClaimingActivatedWithAnOwner_RegisteredNotActivatedAndNoClaimStored()
    {
        var serial = NewSerial();
        var message = TestData.BytesWith("registration-claims-activated.json", "SN-0004", serial);

        var result = await _harness.IotDoor.HandleAsync(message);
        var raw = await table.Client.GetItemAsync(table.TableName, new Dictionary<string, AttributeValue>
        {
            [DeviceAttributeNames.SerialNumber] = new() { S = serial },
            [DeviceAttributeNames.ClientId] = new() { S = "thermostat-0004" },
        });

        Assert.Equal(("registered", 201), (result.Outcome, result.Status));
        Assert.False(result.Device!.Activated);
        Assert.Null(result.Device.Owner);
        Assert.False(raw.Item.ContainsKey(DeviceAttributeNames.ClaimHmac));
        Assert.DoesNotContain(raw.Item.Values, v => v.S is { } text && text.Contains("mallory", StringComparison.Ordinal));
    }

    private static string NewSerial() => "SN-" + Guid.NewGuid().ToString("N")[..12];
}
