using System.Text;
using IotRegistry.Keys;
using IotRegistry.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IotRegistry.Tests.Keys;

public sealed class ActivationKeyRingTests
{
    private static readonly ActivationCodeHasher s_keyA = new(Encoding.UTF8.GetBytes("ring-test-key-A-0123456789abcdef0123456789"));
    private static readonly ActivationCodeHasher s_keyB = new(Encoding.UTF8.GetBytes("ring-test-key-B-0123456789abcdef0123456789"));

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero));
    private readonly ScriptedKeySource _source = new();

    [Fact]
    public async Task CurrentAsync_WithinMaxAge_NoReload()
    {
        var ring = await LoadAsync(new ActivationKeySet(s_keyA));
        _source.Next = new ActivationKeySet(s_keyB, s_keyA);
        _clock.Advance(TimeSpan.FromMinutes(59));

        var current = await ring.CurrentAsync();

        Assert.Same(s_keyA, current);
        Assert.Equal(1, _source.Loads);
    }

    [Fact]
    public async Task CurrentAsync_OlderThanMaxAge_ReloadsAndUsesTheNewKey()
    {
        var ring = await LoadAsync(new ActivationKeySet(s_keyA));
        _source.Next = new ActivationKeySet(s_keyB, s_keyA);
        _clock.Advance(TimeSpan.FromHours(1));

        var current = await ring.CurrentAsync();

        Assert.Same(s_keyB, current);
        Assert.Equal(2, _source.Loads);
    }

    [Fact]
    public async Task CurrentAsync_AgeReloadFails_KeepsKeysReportsOnceAndWaitsBeforeRetrying()
    {
        var ring = await LoadAsync(new ActivationKeySet(s_keyA));
        _source.Failure = new ActivationKeyException("ACTIVATION_CODE_KEY_SECRET_ARN (arn): Secrets Manager could not be reached.");
        _clock.Advance(TimeSpan.FromHours(2));

        var first = await ring.CurrentAsync();
        var second = await ring.CurrentAsync();
        var report = ring.TakeRefreshFailure();

        Assert.Same(s_keyA, first);
        Assert.Same(s_keyA, second);
        Assert.Equal(2, _source.Loads);
        Assert.Equal("ACTIVATION_CODE_KEY_SECRET_ARN (arn): Secrets Manager could not be reached.", report);
        Assert.Null(ring.TakeRefreshFailure());
    }

    [Fact]
    public async Task FindAsync_NullId_TheCurrentKey()
    {
        var ring = await LoadAsync(new ActivationKeySet(s_keyB, s_keyA));

        var found = await ring.FindAsync(null);

        Assert.Same(s_keyB, found);
    }

    [Fact]
    public async Task FindAsync_IdFromARotationSinceTheLoad_ReloadsOnceAndFindsIt()
    {
        var ring = await LoadAsync(new ActivationKeySet(s_keyA));
        _source.Next = new ActivationKeySet(s_keyB, s_keyA);
        _clock.Advance(ActivationKeyRing.MinRefreshInterval);

        var found = await ring.FindAsync(s_keyB.KeyId);
        var again = await ring.FindAsync(s_keyB.KeyId);

        Assert.Same(s_keyB, found);
        Assert.Same(s_keyB, again);
        Assert.Equal(2, _source.Loads);
    }

    [Fact]
    public async Task FindAsync_RetiredIdTwiceWithinTheInterval_OneReloadThenNull()
    {
        var ring = await LoadAsync(new ActivationKeySet(s_keyB));
        _clock.Advance(ActivationKeyRing.MinRefreshInterval);

        var first = await ring.FindAsync("retired-key-id");
        var second = await ring.FindAsync("retired-key-id");

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(2, _source.Loads);
    }

    [Fact]
    public async Task FindAsync_UnknownIdWithinTheIntervalAfterAFailedReload_FaultNotRetired()
    {
        var ring = await LoadAsync(new ActivationKeySet(s_keyA));
        _source.Failure = new ActivationKeyException("ACTIVATION_CODE_KEY_SECRET_ARN (arn): Secrets Manager could not be reached.");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<ActivationKeyException>(() => ring.FindAsync(s_keyB.KeyId).AsTask());
        _source.Failure = null;
        _source.Next = new ActivationKeySet(s_keyB, s_keyA);
        _clock.Advance(TimeSpan.FromSeconds(5));

        var withinInterval = await Assert.ThrowsAsync<ActivationKeyException>(() => ring.FindAsync(s_keyB.KeyId).AsTask());
        _clock.Advance(ActivationKeyRing.MinRefreshInterval);
        var later = await ring.FindAsync(s_keyB.KeyId);

        Assert.Contains("last reload failed", withinInterval.Message, StringComparison.Ordinal);
        Assert.Same(s_keyB, later);
    }

    [Fact]
    public async Task FindAsync_UnknownIdAndReloadFails_Throws()
    {
        var ring = await LoadAsync(new ActivationKeySet(s_keyA));
        _source.Failure = new ActivationKeyException("ACTIVATION_CODE_KEY_SECRET_ARN (arn): Secrets Manager refused access.");
        _clock.Advance(TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<ActivationKeyException>(() => ring.FindAsync(s_keyB.KeyId).AsTask());

        Assert.Contains("refused access", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fixed_OldAndUnknownId_NeverLoads()
    {
        var ring = ActivationKeyRing.Fixed(new ActivationKeySet(s_keyA));

        var found = await ring.FindAsync(s_keyB.KeyId);

        Assert.Null(found);
        Assert.Same(s_keyA, await ring.CurrentAsync());
    }

    private async Task<ActivationKeyRing> LoadAsync(ActivationKeySet first)
    {
        _source.Next = first;
        return await ActivationKeyRing.LoadAsync(_source, _clock);
    }

    /// <summary>Hands out whatever the test put in <see cref="Next"/>, or throws <see cref="Failure"/>; counts loads.</summary>
    private sealed class ScriptedKeySource : IActivationKeySource
    {
        public ActivationKeySet? Next { get; set; }

        public ActivationKeyException? Failure { get; set; }

        public int Loads { get; private set; }

        public Task<ActivationKeySet> LoadAsync(CancellationToken cancellationToken)
        {
            Loads++;
            return Failure is { } failure ? Task.FromException<ActivationKeySet>(failure) : Task.FromResult(Next!);
        }
    }
}
