namespace IotRegistry.Tests;

/// <summary>The response-topic settings (IOT_TOPIC_PREFIX, IOT_DATA_ENDPOINT), apart from the other settings' tests.</summary>
public sealed class IotRegistrySettingsResponseTopicTests
{
    [Fact]
    public void Read_NeitherSet_PublishingOffAndRegionalEndpoint()
    {
        var settings = Read();

        Assert.Null(settings.ResponseTopicPrefix);
        Assert.Null(settings.IotDataEndpoint);
    }

    [Fact]
    public void Read_BothSet_TrimmedValues()
    {
        var settings = Read(("IOT_TOPIC_PREFIX", " devices "), ("IOT_DATA_ENDPOINT", "abcd1234-ats.iot.eu-west-1.amazonaws.com"));

        Assert.Equal("devices", settings.ResponseTopicPrefix);
        Assert.Equal("abcd1234-ats.iot.eu-west-1.amazonaws.com", settings.IotDataEndpoint);
    }

    [Theory]
    [InlineData("devices/+")]
    [InlineData("devices/#")]
    [InlineData("a/b")]
    [InlineData("$aws")]
    [InlineData("dev ices")]
    public void Read_PrefixThatWouldWidenOrMoveTheTopics_RefusedWithASentence(string prefix)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("IOT_TOPIC_PREFIX", prefix)));

        Assert.StartsWith("IOT_TOPIC_PREFIX must be one MQTT topic level", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PrefixOver64Characters_Refused()
    {
        Assert.NotNull(Read(("IOT_TOPIC_PREFIX", new string('p', 64))).ResponseTopicPrefix);
        Assert.Throws<InvalidOperationException>(() => Read(("IOT_TOPIC_PREFIX", new string('p', 65))));
    }

    [Theory]
    [InlineData("https://abcd1234-ats.iot.eu-west-1.amazonaws.com/")]
    [InlineData("localhost")]
    [InlineData("host.example/path")]
    public void Read_EndpointNotAHostName_RefusedNamingTheLookup(string endpoint)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("IOT_DATA_ENDPOINT", endpoint)));

        Assert.Contains("describe-endpoint", error.Message, StringComparison.Ordinal);
    }

    private static IotRegistrySettings Read(params (string Name, string Value)[] values) =>
        IotRegistrySettings.Read(name => name == "AWS_ENDPOINT_URL_DYNAMODB" ? "http://127.0.0.1:8000" : values.FirstOrDefault(v => v.Name == name).Value);
}
