using System.Net;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Retry;
using LambdaSuite.TestKit;

namespace Shared.Tests.Aws.Retry;

public class AwsRetryPolicyTests
{
    private readonly SteppingTimeProvider _clock = new();

    [Fact]
    public void BackoffFor_FullJitter_StaysBelowExponentialCeiling()
    {
        var policy = Policy(random: 0.999);

        var delays = Enumerable.Range(0, 4).Select(retry => policy.BackoffFor(retry, throttled: false)).ToArray();

        for (var retry = 0; retry < delays.Length; retry++)
        {
            var ceiling = policy.BaseDelay * Math.Pow(2, retry);
            Assert.InRange(delays[retry], ceiling * 0.99, ceiling);
        }
    }

    [Fact]
    public void BackoffFor_ManyRetries_IsCappedAtMaxDelay()
    {
        var policy = Policy(random: 0.999);

        var delay = policy.BackoffFor(40, throttled: true);

        Assert.InRange(delay, policy.MaxDelay * 0.99, policy.MaxDelay);
    }

    [Fact]
    public void BackoffFor_ZeroRandom_SleepsNotAtAll()
    {
        var delay = Policy(random: 0).BackoffFor(3, throttled: true);

        Assert.Equal(TimeSpan.Zero, delay);
    }

    [Fact]
    public void BackoffFor_Throttled_UsesLargerBase()
    {
        var policy = Policy(random: 0.5);

        var (plain, throttled) = (policy.BackoffFor(0, throttled: false), policy.BackoffFor(0, throttled: true));

        Assert.Equal(policy.BaseDelay / 2, plain);
        Assert.Equal(policy.ThrottlingBaseDelay / 2, throttled);
    }

    [Fact]
    public async Task ExecuteAsync_ThrottledThenSuccess_RetriesAfterJitteredSleep()
    {
        var policy = Policy(random: 0.5);
        var attempts = 0;

        var result = await policy.ExecuteAsync(_ => ++attempts == 1 ? throw Error(HttpStatusCode.BadRequest, "ThrottlingException") : Task.FromResult("ok"), CancellationToken.None);

        Assert.Equal("ok", result);
        Assert.Equal(2, attempts);
        Assert.Equal([policy.ThrottlingBaseDelay / 2], _clock.Sleeps);
    }

    [Fact]
    public async Task ExecuteAsync_ClientError_IsNotRetried()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Policy().ExecuteAsync<string>(_ => { attempts++; throw Error(HttpStatusCode.BadRequest, "ValidationException"); }, CancellationToken.None));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal(1, attempts);
        Assert.Empty(_clock.Sleeps);
    }

    [Fact]
    public async Task ExecuteAsync_AlwaysServerError_StopsAtMaxAttempts()
    {
        var policy = Policy() with { MaxAttempts = 3 };
        var attempts = 0;

        await Assert.ThrowsAsync<AwsServiceException>(() => policy.ExecuteAsync<string>(_ => { attempts++; throw Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"); }, CancellationToken.None));

        Assert.Equal(3, attempts);
        Assert.Equal(2, _clock.Sleeps.Count);
    }

    [Fact]
    public async Task ExecuteAsync_SleepWouldPassDeadline_ThrowsWithoutSleeping()
    {
        var policy = Policy(random: 0.9).WithDeadline(_clock.GetUtcNow() + TimeSpan.FromMilliseconds(150));
        var attempts = 0;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => policy.ExecuteAsync<string>(_ => { attempts++; throw Error(HttpStatusCode.BadRequest, "ThrottlingException"); }, CancellationToken.None));

        Assert.True(error.IsThrottling);
        Assert.Equal(1, attempts);
        Assert.Empty(_clock.Sleeps);
    }

    [Fact]
    public async Task ExecuteAsync_RemainingTimeAllowsTwoSleeps_MakesThreeAttempts()
    {
        // Sleeps at random 0.5: 25 ms, 50 ms, then 100 ms would end after 25+50+100 > 120 ms.
        var policy = Policy(random: 0.5).WithRemainingTime(TimeSpan.FromMilliseconds(120)) with { MaxAttempts = 10 };
        var attempts = 0;

        await Assert.ThrowsAsync<AwsServiceException>(() => policy.ExecuteAsync<string>(_ => { attempts++; throw Error(HttpStatusCode.InternalServerError, "InternalFailure"); }, CancellationToken.None));

        Assert.Equal(3, attempts);
        Assert.Equal([TimeSpan.FromMilliseconds(25), TimeSpan.FromMilliseconds(50)], _clock.Sleeps);
    }

    [Fact]
    public async Task ExecuteAsync_AttemptStillRunningAtDeadline_IsCutOffWithTimeout()
    {
        var policy = AwsRetryPolicy.Default.WithRemainingTime(TimeSpan.FromMilliseconds(200));
        var attempts = 0;

        var error = await Assert.ThrowsAsync<TimeoutException>(() => policy.ExecuteAsync<int>(
            async token => { attempts++; await Task.Delay(Timeout.Infinite, token); return 0; },
            CancellationToken.None));

        Assert.Contains("deadline", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task ExecuteAsync_NoDeadline_PassesTheCallersTokenThrough()
    {
        using var caller = new CancellationTokenSource();
        var seen = CancellationToken.None;

        await Policy().ExecuteAsync(token => { seen = token; return Task.FromResult(0); }, caller.Token);

        Assert.Equal(caller.Token, seen);
    }

    [Fact]
    public async Task ExecuteAsync_TransportFailure_IsRetried()
    {
        var attempts = 0;

        var result = await Policy().ExecuteAsync(_ => ++attempts < 3 ? throw new HttpRequestException("connection reset") : Task.FromResult(attempts), CancellationToken.None);

        Assert.Equal(3, result);
    }

    [Fact]
    public async Task ExecuteAsync_CallerCancelled_IsNotRetried()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var attempts = 0;

        await Assert.ThrowsAsync<OperationCanceledException>(() => Policy().ExecuteAsync<int>(token => { attempts++; token.ThrowIfCancellationRequested(); return Task.FromResult(0); }, cancellation.Token));

        Assert.Equal(1, attempts);
    }

    private AwsRetryPolicy Policy(double random = 0.5) => new() { TimeProvider = _clock, Random = () => random };

    private static AwsServiceException Error(HttpStatusCode status, string code) =>
        AwsErrorParser.Parse("kinesis", "PutRecords", AwsProtocol.Json, status, _ => null, System.Text.Encoding.UTF8.GetBytes($$"""{"__type":"{{code}}","message":"m"}"""));
}
