using Amazon.DynamoDBv2.Model;
using IotRegistry.Activation;
using IotRegistry.Registration;
using IotRegistry.Tests.Support;
using LambdaSuite.Data.Devices;
using LambdaSuite.TestKit.Devices;

namespace IotRegistry.Tests.Registration;

/// <summary>Registration where DynamoDB's conditional writes decide: what is stored, races, an activated device kept.</summary>
[Trait("Category", "Integration")]
public sealed class RegistrationServiceDynamoDbTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>
{
    private readonly IotRegistryHarness _harness = new(table);

    [Fact]
    public async Task RegisterAsync_NewDevice_StoresHmacNeverTheCode()
    {
        var registration = IotRegistryHarness.NewRegistration("PLAIN-CODE-123");

        var result = await _harness.Registrations.RegisterAsync(registration);

        Assert.Equal(RegistrationOutcome.Registered, result.Outcome);
        var raw = await RawItemAsync(registration.Key);
        Assert.DoesNotContain(raw.Values, v => v.S is { } s && s.Contains("PLAIN-CODE", StringComparison.Ordinal));
        Assert.True(_harness.Hasher.Matches(raw[DeviceAttributeNames.ActivationCodeHmac].S, registration.Key, "PLAIN-CODE-123"));
        Assert.Equal(_harness.Hasher.KeyId, raw[DeviceAttributeNames.HmacKeyId].S);
        Assert.False(raw.ContainsKey(DeviceAttributeNames.ClaimHmac));
        Assert.False(raw.ContainsKey(DeviceAttributeNames.ClaimEmail));
    }

    [Fact]
    public async Task RegisterAsync_ActivatedDeviceRegisteredAgain_KeepsActivationAndOwner()
    {
        var registration = await _harness.RegisterNewAsync();
        await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode, "owner@example.com"));

        var same = await _harness.Registrations.RegisterAsync(registration);
        var reset = await _harness.Registrations.RegisterAsync(registration with { ActivationCode = "ATTACKER-CODE" });
        var takeover = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "ATTACKER-CODE", "attacker@example.com"));

        Assert.Equal(RegistrationOutcome.AlreadyRegistered, same.Outcome);
        Assert.Equal(RegistrationOutcome.Conflict, reset.Outcome);
        Assert.Equal(ActivationOutcome.AlreadyActivated, takeover.Outcome);
        var stored = await _harness.Catalog.GetAsync(registration.Key);
        Assert.True(stored!.Activated);
        Assert.Equal("owner@example.com", stored.OwnerEmail);
    }

    [Fact]
    public async Task RegisterAsync_RepeatedConcurrently_ExactlyOneRegistered()
    {
        var registration = IotRegistryHarness.NewRegistration();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => _harness.Registrations.RegisterAsync(registration))));

        Assert.Single(results, r => r.Outcome == RegistrationOutcome.Registered);
        Assert.All(results.Where(r => r.Outcome != RegistrationOutcome.Registered), r => Assert.Equal(RegistrationOutcome.AlreadyRegistered, r.Outcome));
    }

    private async Task<Dictionary<string, AttributeValue>> RawItemAsync(DeviceKey key)
    {
        var response = await table.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table.TableName,
            ConsistentRead = true,
            Key = new()
            {
                [DeviceAttributeNames.SerialNumber] = new AttributeValue { S = key.SerialNumber },
                [DeviceAttributeNames.ClientId] = new AttributeValue { S = key.ClientId },
            },
        });
        return response.Item;
    }
}
