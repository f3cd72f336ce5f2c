using LambdaSuite.Demo;
using LambdaSuite.Harness;
using LambdaSuite.TestKit;

namespace Cli.Tests.Functions;

/// <summary>The demo's MQTT scene, run as ./suite demo runs it, against the stack's mosquitto and the packaged bootstrap.</summary>
[Trait("Category", "Integration")]
public sealed class IotRegistryMqttSceneTests
{
    [Fact]
    public async Task RunAsync_LocalStack_EveryStepAsExpected()
    {
        _ = LocalStack.Mqtt;
        using var output = new StringWriter();

        var failures = await IotRegistryMqttScene.RunAsync(RepositoryLayout.Discover(), output, default);

        Assert.True(failures == 0, output.ToString());
        Assert.Contains("NotAuthorized", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("serial_mismatch", output.ToString(), StringComparison.Ordinal);
    }
}
