using IotRegistry.Activation;
using IotRegistry.Tests.Support;
using LambdaSuite.TestKit.Devices;
using Xunit.Abstractions;

namespace IotRegistry.Tests.Activation;

/// <summary>
/// Concurrent attempts against DynamoDB Local: each attempt is one conditional write that counts before anyone learns
/// its result, so a burst gets exactly the threshold's checks and concurrent right codes exactly one winner.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ActivationServiceConcurrencyTests(IotCatalogTableFixture table, ITestOutputHelper output) : IClassFixture<IotCatalogTableFixture>
{
    private readonly IotRegistryHarness _harness = new(table);

    [Fact]
    public async Task ActivateAsync_ParallelBurstOnCleanDevice_ExactlyFiveCheckedThenLockedUntilTheWindowPasses()
    {
        var registration = await _harness.RegisterNewAsync();
        using var start = new ManualResetEventSlim();
        var burst = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, $"PARALLEL-{i:D4}", "attacker@example.com"));
        })).ToArray();
        start.Set();

        var results = await Task.WhenAll(burst);
        var whileLocked = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));
        _harness.Clock.Advance(_harness.Lockout.Window);
        var afterWindow = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        output.WriteLine($"clean device: {results.Count(r => r.Outcome == ActivationOutcome.WrongCode)} of 40 parallel wrong guesses were checked (threshold 5).");
        Assert.Equal(5, results.Count(r => r.Outcome == ActivationOutcome.WrongCode));
        Assert.Equal(35, results.Count(r => r.Outcome == ActivationOutcome.Locked));
        Assert.Equal(ActivationOutcome.Locked, whileLocked.Outcome);
        Assert.Equal(ActivationOutcome.Activated, afterWindow.Outcome);
        Assert.Equal("owner@example.com", afterWindow.Device!.OwnerEmail);
    }

    [Fact]
    public async Task ActivateAsync_ParallelBurstAfterAFailure_ChecksExactlyWhatTheThresholdLeaves()
    {
        var registration = await _harness.RegisterNewAsync();
        await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, "FIRST-WRONG"));

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, $"PARALLEL-{i:D4}")))));
        var after = await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, registration.ActivationCode));

        Assert.Equal(4, results.Count(r => r.Outcome == ActivationOutcome.WrongCode));
        Assert.Equal(36, results.Count(r => r.Outcome == ActivationOutcome.Locked));
        Assert.Equal(5, (await _harness.Catalog.GetAsync(registration.Key))!.FailedAttempts);
        Assert.Equal(ActivationOutcome.Locked, after.Outcome);
    }

    [Fact]
    public async Task ActivateAsync_ParallelWrongCodesAndOneRightCode_RightCodeEitherWinsOrIsLockedOut()
    {
        var registration = await _harness.RegisterNewAsync();
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var code = i == 10 ? registration.ActivationCode : $"PARALLEL-{i:D4}";
            return (Right: i == 10, Result: await _harness.Activations.ActivateAsync(IotRegistryHarness.Attempt(registration, code, i == 10 ? "owner@example.com" : "attacker@example.com")));
        })).ToArray();
        start.Set();

        var results = await Task.WhenAll(attempts);
        var right = results.Single(r => r.Right).Result;
        var stored = await _harness.Catalog.GetAsync(registration.Key);

        Assert.Contains(right.Outcome, new[] { ActivationOutcome.Activated, ActivationOutcome.Locked });
        Assert.Equal(right.Outcome == ActivationOutcome.Activated, stored!.Activated);
        Assert.Equal(right.Outcome == ActivationOutcome.Activated ? "owner@example.com" : null, stored.OwnerEmail);
        Assert.InRange(results.Count(r => r.Result.Outcome is ActivationOutcome.WrongCode or ActivationOutcome.Activated), 1, 5);
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
}
