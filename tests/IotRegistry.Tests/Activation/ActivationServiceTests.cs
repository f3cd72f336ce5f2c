using IotRegistry.Activation;
using IotRegistry.Tests.Support;
using LambdaSuite.Data.Devices;
using LambdaSuite.TestKit.Devices;
using Xunit.Abstractions;

namespace IotRegistry.Tests.Activation;

[Trait("Category", "Integration")]
public sealed class ActivationServiceTests(IotCatalogTableFixture table, ITestOutputHelper output) : IClassFixture<IotCatalogTableFixture>
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
    public async Task ActivateAsync_WrongCode_CountedWithOneMoreWrite()
    {
        var registration = await _harness.RegisterNewAsync();
        table.ResetRequestCounts();

        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "WRONG-CODE"));

        Assert.Equal(ActivationOutcome.WrongCode, result.Outcome);
        Assert.Equal(1, result.Device!.FailedAttempts);
        Assert.Equal(new Dictionary<string, int> { ["UpdateItem"] = 2 }, table.RequestCounts);
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

        var replay = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode, "second@example.com"));

        Assert.Equal(ActivationOutcome.AlreadyActivated, replay.Outcome);
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
    public async Task ActivateAsync_LockExpired_RightCodeActivatesAndClearsCounters()
    {
        var registration = await _harness.RegisterNewAsync();
        for (var i = 0; i < 5; i++)
        {
            await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, $"WRONG-{i:D4}"));
        }

        _harness.Clock.Advance(TimeSpan.FromMinutes(15));
        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        Assert.Equal(ActivationOutcome.Activated, result.Outcome);
        Assert.Equal(0, result.Device!.FailedAttempts);
        Assert.Null(result.Device.LastFailureAt);
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
    public async Task ActivateAsync_ParallelBurstOnCleanDevice_EveryFailureCountedAndDeviceLocked()
    {
        var registration = await _harness.RegisterNewAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, $"PARALLEL-{i:D4}")))));
        var after = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        var wrong = results.Count(r => r.Outcome == ActivationOutcome.WrongCode);
        output.WriteLine($"clean device: {wrong} of 40 parallel wrong guesses were checked (threshold 5).");
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { ActivationOutcome.WrongCode, ActivationOutcome.Locked }));
        Assert.InRange(wrong, 5, 40);
        Assert.Equal(wrong, (await _harness.Catalog.GetAsync(registration.Key))!.FailedAttempts);
        Assert.Equal(ActivationOutcome.Locked, after.Outcome);
    }

    [Fact]
    public async Task ActivateAsync_ParallelBurstAfterAFailure_ChecksExactlyWhatTheThresholdLeaves()
    {
        var registration = await _harness.RegisterNewAsync();
        await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "FIRST-WRONG"));

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, $"PARALLEL-{i:D4}")))));
        var after = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        var wrong = results.Count(r => r.Outcome == ActivationOutcome.WrongCode);
        output.WriteLine($"after one failure: {wrong} of 40 parallel guesses were checked (4 left before the lock).");
        Assert.Equal(4, wrong);
        Assert.Equal(36, results.Count(r => r.Outcome == ActivationOutcome.Locked));
        Assert.Equal(5, (await _harness.Catalog.GetAsync(registration.Key))!.FailedAttempts);
        Assert.Equal(ActivationOutcome.Locked, after.Outcome);
    }

    [Fact]
    public async Task ActivateAsync_RightCodeAfterAFailure_ActivatedWithThreeWrites()
    {
        var registration = await _harness.RegisterNewAsync();
        await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "TYPO-CODE"));
        table.ResetRequestCounts();

        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        Assert.Equal(ActivationOutcome.Activated, result.Outcome);
        Assert.Equal(0, result.Device!.FailedAttempts);
        Assert.Equal(new Dictionary<string, int> { ["UpdateItem"] = 3 }, table.RequestCounts);
    }

    [Fact]
    public async Task ActivateAsync_WrongCodeAfterAFailure_CountedWithTwoWrites()
    {
        var registration = await _harness.RegisterNewAsync();
        await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "TYPO-CODE"));
        table.ResetRequestCounts();

        var result = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "TYPO-AGAIN"));

        Assert.Equal(ActivationOutcome.WrongCode, result.Outcome);
        Assert.Equal(2, result.Device!.FailedAttempts);
        Assert.Equal(new Dictionary<string, int> { ["UpdateItem"] = 2 }, table.RequestCounts);
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
    public async Task ActivateAsync_ManyConcurrentRightCodes_ExactlyOneWins()
    {
        var registration = await _harness.RegisterNewAsync();
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (Email: $"owner{i}@example.com", Result: await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode, $"owner{i}@example.com")));
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Result.Outcome == ActivationOutcome.Activated);
        Assert.All(results.Where(r => r.Result.Outcome != ActivationOutcome.Activated), r => Assert.Equal(ActivationOutcome.AlreadyActivated, r.Result.Outcome));
        Assert.Equal(winner.Email, (await _harness.Catalog.GetAsync(registration.Key))!.OwnerEmail);
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
