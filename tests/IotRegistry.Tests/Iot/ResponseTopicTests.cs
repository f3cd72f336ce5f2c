using IotRegistry.Iot;

namespace IotRegistry.Tests.Iot;

public sealed class ResponseTopicTests
{
    private const string Prefix = "fleet";

    [Theory]
    [InlineData("register", "registered", 201, null, "fleet/SN-1/register/accepted")]
    [InlineData("register", "already_registered", 200, null, "fleet/SN-1/register/accepted")]
    [InlineData("register", "conflict", 409, "conflict", "fleet/SN-1/register/rejected")]
    [InlineData("activate", "activated", 200, null, "fleet/SN-1/activate/accepted")]
    [InlineData("activate", "wrong_code", 403, "wrong_code", "fleet/SN-1/activate/rejected")]
    [InlineData("activate", "device_not_found", 404, "device_not_found", "fleet/SN-1/activate/rejected")]
    [InlineData("activate", "locked", 429, "locked", "fleet/SN-1/activate/rejected")]
    public void TryBuild_HandledResult_TopicOfOperationAndVerdict(string operation, string outcome, int status, string? error, string expected)
    {
        var result = new IotResult(operation, outcome, status, "SN-1", "thing-1", error);

        var built = ResponseTopic.TryBuild(Prefix, result, out var topic);

        Assert.True(built);
        Assert.Equal(expected, topic);
    }

    [Theory]
    [InlineData("SN/other")]
    [InlineData("SN+")]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("$aws")]
    [InlineData("SN\u0000")]
    [InlineData("SN\n1")]
    [InlineData("SN 1")]
    [InlineData("SN-\u00e9")]
    [InlineData("")]
    public void TryBuild_SerialOutsideFieldRules_NoTopic(string serial)
    {
        var result = new IotResult("register", "registered", 201, serial, "thing-1");

        var built = ResponseTopic.TryBuild(Prefix, result, out var topic);

        Assert.False(built);
        Assert.Equal("", topic);
    }

    [Fact]
    public void TryBuild_SerialLongerThanFieldRule_NoTopic()
    {
        var result = new IotResult("activate", "activated", 200, new string('S', 129), "thing-1");

        Assert.False(ResponseTopic.TryBuild(Prefix, result, out _));
        Assert.True(ResponseTopic.TryBuild(Prefix, result with { SerialNumber = new string('S', 128) }, out _));
    }

    [Fact]
    public void TryBuild_RefusedInputWithoutSerial_NoTopic()
    {
        var result = new IotResult("register", "invalid_input", 400, Error: "invalid_field", Field: "serialNumber", Message: "bad");

        Assert.False(ResponseTopic.TryBuild(Prefix, result, out _));
    }

    [Fact]
    public void TryBuild_ClientIdMismatch_NoTopicOnTheNamedDevice()
    {
        var result = new IotResult("register", "client_id_mismatch", 403, "SN-1", "thing-1", "client_id_mismatch");

        Assert.False(ResponseTopic.TryBuild(Prefix, result, out _));
    }

    [Fact]
    public void TryBuild_UnknownOperation_NoTopic()
    {
        var result = new IotResult("unknown", "invalid_input", 400, "SN-1", "thing-1", "unknown_operation");

        Assert.False(ResponseTopic.TryBuild(Prefix, result, out _));
    }

    [Fact]
    public void TryBuild_TopicOverAwsIotLimit_NoTopic()
    {
        var result = new IotResult("register", "registered", 201, new string('S', 128), "thing-1");

        Assert.False(ResponseTopic.TryBuild(new string('p', 120), result, out _));
        Assert.True(ResponseTopic.TryBuild(new string('p', 100), result, out var topic));
        Assert.Equal(247, topic.Length);
    }
}
