using System.Text;
using IotRegistry.Activation;
using IotRegistry.Http;
using IotRegistry.Keys;
using IotRegistry.Registration;
using IotRegistry.Tests.Support;
using LambdaSuite.Data.Devices;
using LambdaSuite.Events.Http;
using LambdaSuite.TestKit.Devices;

namespace IotRegistry.Tests.Activation;

/// <summary>
/// Key rotation on DynamoDB Local: containers holding {A}, then {B, A} after one rotation, then {C, B} after a second,
/// as Secrets Manager's AWSCURRENT and AWSPREVIOUS stages would give them.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ActivationKeyRotationTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>
{
    private const string Code = "Q7K2-M9XP-4TWZ";
    private static readonly ActivationCodeHasher s_keyA = Hasher("rotation-test-key-A-0123456789abcdef0123456789");
    private static readonly ActivationCodeHasher s_keyB = Hasher("rotation-test-key-B-0123456789abcdef0123456789");
    private static readonly ActivationCodeHasher s_keyC = Hasher("rotation-test-key-C-0123456789abcdef0123456789");

    private readonly IotRegistryHarness _beforeRotation = new(table, keys: Ring(s_keyA));
    private readonly IotRegistryHarness _afterRotation = new(table, keys: Ring(s_keyB, s_keyA));
    private readonly IotRegistryHarness _afterSecondRotation = new(table, keys: Ring(s_keyC, s_keyB));

    [Fact]
    public async Task ActivateAsync_RegisteredUnderPreviousKey_OldCodeActivatesCountedOnce()
    {
        var registration = await _beforeRotation.RegisterNewAsync(Code);
        table.ResetRequestCounts();

        var result = await _afterRotation.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, Code));

        Assert.Equal(ActivationOutcome.Activated, result.Outcome);
        Assert.Equal(s_keyA.KeyId, result.Device!.HmacKeyId);
        Assert.Equal(1, result.Device.FailedAttempts);
        Assert.Equal(2, table.RequestCount("UpdateItem"));
    }

    [Fact]
    public async Task ActivateAsync_RegisteredUnderNewKey_ActivatesInOneRequest()
    {
        var registration = await _afterRotation.RegisterNewAsync(Code);
        table.ResetRequestCounts();

        var result = await _afterRotation.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, Code));

        Assert.Equal(ActivationOutcome.Activated, result.Outcome);
        Assert.Equal(s_keyB.KeyId, result.Device!.HmacKeyId);
        Assert.Equal(1, table.RequestCount("UpdateItem"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ActivateAsync_WrongCodesAfterRotation_EachCountedOnce(bool registeredBeforeRotation)
    {
        var registration = await (registeredBeforeRotation ? _beforeRotation : _afterRotation).RegisterNewAsync(Code);
        var key = registration.Key;
        table.ResetRequestCounts();

        var outcomes = new List<ActivationOutcome>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add((await _afterRotation.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, $"WRONG-{i:D4}"))).Outcome);
        }

        Assert.All(outcomes, o => Assert.Equal(ActivationOutcome.WrongCode, o));
        Assert.Equal(3, (await table.Catalog.GetAsync(key))!.FailedAttempts);
        Assert.Equal(registeredBeforeRotation ? 6 : 3, table.RequestCount("UpdateItem"));
    }

    [Fact]
    public async Task ActivateAsync_BurstOnDeviceUnderPreviousKey_ExactlyTheThresholdChecked()
    {
        var lockout = new DeviceLockoutPolicy(5, TimeSpan.FromMinutes(15));
        var before = new IotRegistryHarness(table, lockout, Ring(s_keyA));
        var after = new IotRegistryHarness(table, lockout, Ring(s_keyB, s_keyA));
        var registration = await before.RegisterNewAsync(Code);

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Task.Run(() => after.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, $"WRONG-{i:D4}")))));

        Assert.Equal(5, results.Count(r => r.Outcome == ActivationOutcome.WrongCode));
        Assert.Equal(19, results.Count(r => r.Outcome == ActivationOutcome.Locked));
        Assert.Equal(5, (await table.Catalog.GetAsync(registration.Key))!.FailedAttempts);
    }

    [Fact]
    public async Task ActivateAsync_AfterSecondRotation_OldCodeKeyRetiredNothingCountedAndHttpSaysWrongCode()
    {
        var registration = await _beforeRotation.RegisterNewAsync(Code);
        var before = await table.Catalog.GetAsync(registration.Key);
        table.ResetRequestCounts();

        var result = await _afterSecondRotation.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, Code));
        var http = await new DeviceHttpApi(table.Catalog, _afterSecondRotation.Activations).HandleAsync(ActivationRequest(registration.Key, Code));
        var wrong = await new DeviceHttpApi(table.Catalog, _afterSecondRotation.Activations).HandleAsync(ActivationRequest(new DeviceKey(registration.Key.SerialNumber + "-x", registration.Key.ClientId), "WRONG-0000"));

        Assert.Equal(ActivationOutcome.KeyRetired, result.Outcome);
        Assert.Equal(403, http.StatusCode);
        Assert.Equal(Encoding.UTF8.GetString(wrong.Body.Span), Encoding.UTF8.GetString(http.Body.Span));
        Assert.Contains("wrong_code", Encoding.UTF8.GetString(http.Body.Span), StringComparison.Ordinal);
        Assert.Equal(before, await table.Catalog.GetAsync(registration.Key));
        Assert.Equal(3, table.RequestCount("UpdateItem"));
    }

    [Fact]
    public async Task ActivateAsync_ItemWithoutKeyId_TreatedAsCurrentKeys()
    {
        var key = new DeviceKey("SN-" + Guid.NewGuid().ToString("N")[..12], "client-1");
        await table.Catalog.CreateIfAbsentAsync(new DeviceRecord(key, s_keyB.Hash(key, Code), DateTimeOffset.UtcNow));
        table.ResetRequestCounts();

        var result = await _afterRotation.Activations.ActivateAsync(new ActivationRequest(key, Code, "owner@example.com"));

        Assert.Equal(ActivationOutcome.Activated, result.Outcome);
        Assert.Null(result.Device!.HmacKeyId);
        Assert.Equal(1, table.RequestCount("UpdateItem"));
    }

    [Fact]
    public async Task RegisterAsync_ReplayAfterRotation_AlreadyRegisteredCheckedUnderThePreviousKey()
    {
        var registration = await _beforeRotation.RegisterNewAsync(Code);

        var replay = await _afterRotation.Registrations.RegisterAsync(registration);
        var otherCode = await _afterRotation.Registrations.RegisterAsync(registration with { ActivationCode = "OTHER-CODE-1" });

        Assert.Equal(RegistrationOutcome.AlreadyRegistered, replay.Outcome);
        Assert.Equal(RegistrationOutcome.Conflict, otherCode.Outcome);
    }

    private static ActivationCodeHasher Hasher(string key) => new(Encoding.UTF8.GetBytes(key));

    private static ActivationKeyRing Ring(ActivationCodeHasher current, ActivationCodeHasher? previous = null) =>
        ActivationKeyRing.Fixed(new ActivationKeySet(current, previous));

    private static HttpRequest ActivationRequest(DeviceKey key, string code)
    {
        var bytes = HttpEvents.Build(HttpEvents.ApiGatewayV2, "POST", $"/devices/{key.SerialNumber}/{key.ClientId}/activation", HttpEvents.ActivationBody(code));
        Assert.True(HttpEventParser.TryParse(bytes, out var request));
        return request;
    }
}
