using System.Text;
using System.Text.Json;
using LambdaSuite.Runtime;
using LambdaSuite.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace Shared.Tests.Runtime;

public sealed class JsonLambdaLoggerTests
{
    private static readonly FakeTimeProvider s_clock = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, 89, TimeSpan.Zero));

    [Fact]
    public void Log_InvocationLogger_WritesOneJsonObjectPerLine()
    {
        var output = new MemoryStream();
        var logger = new JsonLambdaLogger(output, LambdaLogLevel.Information, s_clock).ForInvocation("req-1", "Root=1-x");

        logger.Log(LambdaLogLevel.Information, "first", [new("table", "Devices"), new("count", "3")]);
        logger.Log(LambdaLogLevel.Warning, "second \n line");

        var lines = Lines(output);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("2026-03-04T05:06:07.089Z", first.RootElement.GetProperty("timestamp").GetString());
        Assert.Equal("INFO", first.RootElement.GetProperty("level").GetString());
        Assert.Equal("req-1", first.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("Root=1-x", first.RootElement.GetProperty("traceId").GetString());
        Assert.Equal("first", first.RootElement.GetProperty("message").GetString());
        Assert.Equal("Devices", first.RootElement.GetProperty("fields").GetProperty("table").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("WARN", second.RootElement.GetProperty("level").GetString());
        Assert.Equal("second \n line", second.RootElement.GetProperty("message").GetString());
        Assert.False(second.RootElement.TryGetProperty("fields", out _));
    }

    [Fact]
    public void Log_BelowMinimumLevel_WritesNothing()
    {
        var output = new MemoryStream();
        var logger = new JsonLambdaLogger(output, LambdaLogLevel.Warning, s_clock);

        logger.Log(LambdaLogLevel.Information, "quiet");
        logger.Log(LambdaLogLevel.Debug, "quieter");

        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Log_WithException_WritesErrorTypeMessageAndStack()
    {
        var output = new MemoryStream();
        var logger = new JsonLambdaLogger(output, LambdaLogLevel.Information, s_clock);
        Exception thrown;
        try
        {
            throw new TimeoutException("too slow");
        }
        catch (TimeoutException ex)
        {
            thrown = ex;
        }

        logger.Log(LambdaLogLevel.Error, "failed", exception: thrown);

        using var line = JsonDocument.Parse(Lines(output).Single());
        Assert.Equal("TimeoutException", line.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("too slow", line.RootElement.GetProperty("errorMessage").GetString());
        Assert.Contains(nameof(Log_WithException_WritesErrorTypeMessageAndStack), line.RootElement.GetProperty("stackTrace")[0].GetString());
        Assert.False(line.RootElement.TryGetProperty("requestId", out _));
    }

    [Fact]
    public void WriteJsonLine_EmbeddedMetric_IsWrittenVerbatimOnItsOwnLine()
    {
        var output = new MemoryStream();
        var logger = new JsonLambdaLogger(output, LambdaLogLevel.Critical, s_clock);

        logger.WriteJsonLine("{\"_aws\":{}}\n");

        Assert.Equal("{\"_aws\":{}}\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Theory]
    [InlineData("TRACE", LambdaLogLevel.Trace)]
    [InlineData("debug", LambdaLogLevel.Debug)]
    [InlineData("INFO", LambdaLogLevel.Information)]
    [InlineData("WARN", LambdaLogLevel.Warning)]
    [InlineData("ERROR", LambdaLogLevel.Error)]
    [InlineData("FATAL", LambdaLogLevel.Critical)]
    [InlineData(null, LambdaLogLevel.Information)]
    [InlineData("LOUD", LambdaLogLevel.Information)]
    public void FromEnvironment_LogLevelVariable_SetsMinimum(string? value, LambdaLogLevel expected)
    {
        var logger = JsonLambdaLogger.FromEnvironment(name => name == JsonLambdaLogger.LogLevelEnvironmentVariable ? value : null, Stream.Null);

        Assert.Equal(expected, logger.MinimumLevel);
    }

    private static string[] Lines(MemoryStream output) =>
        Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
