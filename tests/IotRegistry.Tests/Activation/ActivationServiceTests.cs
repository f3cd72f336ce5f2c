using IotRegistry.Activation;
using IotRegistry.Tests.Support;
using LambdaSuite.Data.Devices;
using LambdaSuite.TestKit.Devices;

namespace IotRegistry.Tests.Activation;

[Trait("Category", "Integration")]
public sealed class ActivationServiceTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>
{
    private readonly IotRegistryHarness _harness = new(table);

    [Fact]
    public async Task ActivateAsync_RightCode_ActivatedWithOneConditionalUpdate()
    {
        var registration = await _harness.RegisterNewAsync();
        table.ResetRequestCounts();

        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        Assert.Equal(ActivationOutcome.Activated, result.Outcome);
        Assert.Equal("owner@example.com", result.Device!.OwnerEmail);
        Assert.Equal(new Dictionary<string, int> { ["UpdateItem"] = 1 }, table.RequestCounts);
    }

    [Fact]
    public async Task ActivateAsync_WrongCode_CountedByTheSameOneRequest()
    {
        var registration = await _harness.RegisterNewAsync();
        table.ResetRequestCounts();

        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "WRONG-CODE"));

        Assert.Equal(ActivationOutcome.WrongCode, result.Outcome);
        Assert.Equal(1, result.Device!.FailedAttempts);
        Assert.Equal(new Dictionary<string, int> { ["UpdateItem"] = 1 }, table.RequestCounts);
        Assert.False((await _harness.Catalog.GetAsync(registration.Key))!.Activated);
    }

    [Fact]
    public async Task ActivateAsync_UnknownDevice_NotFoundInOneRequestAndNothingCreated()
    {
        var registration = IotRegistryHarness.NewRegistration();
        table.ResetRequestCounts();

        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        Assert.Equal(ActivationOutcome.DeviceNotFound, result.Outcome);
        Assert.Equal(new Dictionary<string, int> { ["UpdateItem"] = 1 }, table.RequestCounts);
        Assert.Null(await _harness.Catalog.GetAsync(registration.Key));
    }

    [Fact]
    public async Task ActivateAsync_AlreadyActivated_ConflictAndFirstOwnerKept()
    {
        var registration = await _harness.RegisterNewAsync();
        await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode, "first@example.com"));

        table.ResetRequestCounts();

        var replay = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode, "second@example.com"));

        Assert.Equal(ActivationOutcome.AlreadyActivated, replay.Outcome);
        Assert.Equal(new Dictionary<string, int> { ["UpdateItem"] = 1 }, table.RequestCounts);
        Assert.Equal("first@example.com", (await _harness.Catalog.GetAsync(registration.Key))!.OwnerEmail);
    }

    [Fact]
    public async Task ActivateAsync_CodeOfAnotherDevice_WrongCode()
    {
        var first = await _harness.RegisterNewAsync("FIRST-CODE-1");
        var second = await _harness.RegisterNewAsync("SECOND-CODE-2");

        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(second, first.ActivationCode));

        Assert.Equal(ActivationOutcome.WrongCode, result.Outcome);
    }

    [Fact]
    public async Task ActivateAsync_FiveWrongCodes_SixthAttemptLockedEvenWithRightCode()
    {
        var registration = await _harness.RegisterNewAsync();
        var outcomes = new List<ActivationOutcome>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add((await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, $"WRONG-{i:D4}"))).Outcome);
            _harness.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        var locked = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        Assert.All(outcomes, o => Assert.Equal(ActivationOutcome.WrongCode, o));
        Assert.Equal(ActivationOutcome.Locked, locked.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(30), locked.RetryAfter);
        Assert.False((await _harness.Catalog.GetAsync(registration.Key))!.Activated);
    }

    [Fact]
    public async Task ActivateAsync_LockExpired_RightCodeActivatesWithASecondRequestForTheNewWindow()
    {
        var registration = await _harness.RegisterNewAsync();
        for (var i = 0; i < 5; i++)
        {
            await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, $"WRONG-{i:D4}"));
        }

        _harness.Clock.Advance(TimeSpan.FromMinutes(15));
        table.ResetRequestCounts();

        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        Assert.Equal(ActivationOutcome.Activated, result.Outcome);
        Assert.Equal("owner@example.com", result.Device!.OwnerEmail);
        Assert.Equal(new Dictionary<string, int> { ["UpdateItem"] = 2 }, table.RequestCounts);
    }

    [Fact]
    public async Task ActivateAsync_FailuresSpreadOverTwoWindows_NotLocked()
    {
        var registration = await _harness.RegisterNewAsync();
        for (var i = 0; i < 4; i++)
        {
            await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, $"WRONG-{i:D4}"));
        }

        _harness.Clock.Advance(TimeSpan.FromMinutes(16));
        for (var i = 0; i < 4; i++)
        {
            await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, $"WRONG-B{i:D4}"));
        }

        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        Assert.Equal(ActivationOutcome.Activated, result.Outcome);
    }

    [Fact]
    public async Task ActivateAsync_BruteForceRun_StoppedAfterFiveAndNeverActivated()
    {
        var registration = await _harness.RegisterNewAsync("K9-SECRET-77");
        var outcomes = new List<ActivationOutcome>();

        for (var guess = 0; guess < 200; guess++)
        {
            var code = guess == 150 ? registration.ActivationCode : $"GUESS-{guess:D6}";
            outcomes.Add((await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, code, "attacker@example.com"))).Outcome);
            _harness.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(5, outcomes.Count(o => o == ActivationOutcome.WrongCode));
        Assert.Equal(195, outcomes.Count(o => o == ActivationOutcome.Locked));
        Assert.Equal(ActivationOutcome.Locked, outcomes[150]);
        Assert.False((await _harness.Catalog.GetAsync(registration.Key))!.Activated);
    }

    [Fact]
    public async Task ActivateAsync_RightCodeAfterAFailure_ActivatedInOneRequest()
    {
        var registration = await _harness.RegisterNewAsync();
        await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "TYPO-CODE", "typo@example.com"));
        table.ResetRequestCounts();

        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        Assert.Equal(ActivationOutcome.Activated, result.Outcome);
        Assert.Equal("owner@example.com", result.Device!.OwnerEmail);
        Assert.Equal(new Dictionary<string, int> { ["UpdateItem"] = 1 }, table.RequestCounts);
    }

    [Fact]
    public async Task ActivateAsync_WrongCodeAfterAFailure_CountedInOneRequest()
    {
        var registration = await _harness.RegisterNewAsync();
        await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "TYPO-CODE"));
        table.ResetRequestCounts();

        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "TYPO-AGAIN"));

        Assert.Equal(ActivationOutcome.WrongCode, result.Outcome);
        Assert.Equal(2, result.Device!.FailedAttempts);
        Assert.Equal(new Dictionary<string, int> { ["UpdateItem"] = 1 }, table.RequestCounts);
    }

    [Fact]
    public async Task ActivateAsync_WrongCodeWithAttackerEmail_NeverShownAsOwner()
    {
        var registration = await _harness.RegisterNewAsync();

        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "WRONG-CODE", "attacker@example.com"));
        var stored = await _harness.Catalog.GetAsync(registration.Key);

        Assert.Equal(ActivationOutcome.WrongCode, result.Outcome);
        Assert.Null(result.Device!.OwnerEmail);
        Assert.False(stored!.Activated);
        Assert.Null(stored.OwnerEmail);
        Assert.Null(stored.ActivatedAt);
    }

    [Fact]
    public async Task ActivateAsync_LockedDevice_RefusedInOneRequest()
    {
        var registration = await _harness.RegisterNewAsync();
        for (var i = 0; i < 5; i++)
        {
            await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, $"WRONG-{i:D4}"));
        }

        table.ResetRequestCounts();

        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        Assert.Equal(ActivationOutcome.Locked, result.Outcome);
        Assert.Equal(new Dictionary<string, int> { ["UpdateItem"] = 1 }, table.RequestCounts);
    }

    [Fact]
    public async Task ActivateAsync_CustomPolicy_LocksAtItsThreshold()
    {
        var harness = new IotRegistryHarness(table, new DeviceLockoutPolicy(2, TimeSpan.FromMinutes(1)));
        var registration = await harness.RegisterNewAsync();
        await harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "WRONG-0001"));
        await harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "WRONG-0002"));

        var locked = await harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var unlocked = await harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        Assert.Equal(ActivationOutcome.Locked, locked.Outcome);
        Assert.Equal(ActivationOutcome.Activated, unlocked.Outcome);
    }
}
