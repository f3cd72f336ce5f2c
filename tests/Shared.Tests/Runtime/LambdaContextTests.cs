using LambdaSuite.Runtime;
using LambdaSuite.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace Shared.Tests.Runtime;

public sealed class LambdaContextTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void RemainingTime_ClockMoves_ShrinksAndStopsAtZero()
    {
        var clock = new FakeTimeProvider(s_start);
        using var context = CreateContext(clock, s_start.AddSeconds(3));

        var atStart = context.RemainingTime;
        clock.Advance(TimeSpan.FromSeconds(2));
        var later = context.RemainingTime;
        clock.Advance(TimeSpan.FromSeconds(5));
        var after = context.RemainingTime;

        Assert.Equal(TimeSpan.FromSeconds(3), atStart);
        Assert.Equal(TimeSpan.FromSeconds(1), later);
        Assert.Equal(TimeSpan.Zero, after);
    }

    [Fact]
    public void CancellationToken_SafetyMarginBeforeDeadline_Cancels()
    {
        var clock = new FakeTimeProvider(s_start);
        using var context = CreateContext(clock, s_start.AddSeconds(10), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromMilliseconds(8999));
        var beforeMargin = context.CancellationToken.IsCancellationRequested;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var atMargin = context.CancellationToken.IsCancellationRequested;

        Assert.False(beforeMargin);
        Assert.True(atMargin);
    }

    [Fact]
    public void CancellationToken_DeadlineInsideMargin_IsCancelledAtOnce()
    {
        var clock = new FakeTimeProvider(s_start);

        using var context = CreateContext(clock, s_start.AddMilliseconds(100));

        Assert.True(context.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public void Deadline_HeaderAbsent_NeverCancels()
    {
        var clock = new FakeTimeProvider(s_start);
        var invocation = new LambdaInvocation("r", []);
        using var context = new LambdaContext(invocation, LambdaFunctionSettings.FromEnvironment(_ => null), new JsonLambdaLogger(Stream.Null, LambdaLogLevel.Information, clock), clock);

        clock.Advance(TimeSpan.FromDays(400));

        Assert.Equal(DateTimeOffset.MaxValue, context.Deadline);
        Assert.False(context.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public void FunctionSettings_FromLambdaEnvironment_AreExposed()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_FUNCTION_NAME"] = "Fanout",
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "7",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/Fanout",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/01/02/[7]abc",
        };
        var settings = LambdaFunctionSettings.FromEnvironment(environment.GetValueOrDefault);
        var clock = new FakeTimeProvider(s_start);

        using var context = new LambdaContext(new LambdaInvocation("r", []), settings, new JsonLambdaLogger(Stream.Null, LambdaLogLevel.Information, clock), clock);

        Assert.Equal("Fanout|7|512|/aws/lambda/Fanout|2026/01/02/[7]abc", string.Join('|', context.FunctionName, context.FunctionVersion, context.MemoryLimitInMB, context.LogGroupName, context.LogStreamName));
    }

    [Theory]
    [InlineData(null, 128)]
    [InlineData("", 128)]
    [InlineData("lots", 128)]
    [InlineData("0", 128)]
    [InlineData("1024", 1024)]
    public void FunctionSettings_MemorySize_FallsBackToLambdaDefault(string? value, int expected)
    {
        var settings = LambdaFunctionSettings.FromEnvironment(name => name == "AWS_LAMBDA_FUNCTION_MEMORY_SIZE" ? value : null);

        Assert.Equal(expected, settings.MemoryLimitInMB);
        Assert.Equal(LambdaFunctionSettings.LocalFunctionName, settings.FunctionName);
        Assert.Equal("/aws/lambda/" + LambdaFunctionSettings.LocalFunctionName, settings.LogGroupName);
    }

    private static LambdaContext CreateContext(FakeTimeProvider clock, DateTimeOffset deadline, TimeSpan? margin = null)
    {
        var invocation = new LambdaInvocation("req", []) { DeadlineMs = deadline.ToUnixTimeMilliseconds() };
        return new LambdaContext(invocation, LambdaFunctionSettings.FromEnvironment(_ => null), new JsonLambdaLogger(Stream.Null, LambdaLogLevel.Information, clock), clock, margin);
    }
}
