using LambdaSuite.TestKit.Emulator;

namespace Shared.Tests.Emulator;

public sealed class AwsEmulatorSettingsTests
{
    [Fact]
    public void FromEnvironment_NothingSet_IsTheNativeStack()
    {
        var settings = AwsEmulatorSettings.FromEnvironment(_ => null);

        Assert.Equal(AwsEmulatorKind.Native, settings.Kind);
        Assert.Null(settings.Image);
    }

    [Fact]
    public void FromEnvironment_LocalStackWithoutImage_UsesTheTagThatNeedsNoAccount()
    {
        var settings = AwsEmulatorSettings.FromEnvironment(Variables(("SUITE_AWS_EMULATOR", "LocalStack")));

        Assert.Equal(AwsEmulatorKind.LocalStack, settings.Kind);
        Assert.Equal("localstack/localstack:4.14", settings.Image);
    }

    [Fact]
    public void FromEnvironment_LocalStackWithImage_UsesThatImage()
    {
        var settings = AwsEmulatorSettings.FromEnvironment(Variables(("SUITE_AWS_EMULATOR", "localstack"), ("SUITE_AWS_EMULATOR_IMAGE", " suite/moto:local ")));

        Assert.Equal(new AwsEmulatorSettings(AwsEmulatorKind.LocalStack, "suite/moto:local"), settings);
    }

    [Fact]
    public void FromEnvironment_UnknownKind_ThrowsSentenceNamingTheChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AwsEmulatorSettings.FromEnvironment(Variables(("SUITE_AWS_EMULATOR", "docker"))));

        Assert.Contains("SUITE_AWS_EMULATOR=docker names no AWS emulator", error.Message, StringComparison.Ordinal);
        Assert.Contains("native", error.Message, StringComparison.Ordinal);
        Assert.Contains("localstack", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_ImageWithoutContainerPath_ThrowsRatherThanIgnoringIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AwsEmulatorSettings.FromEnvironment(Variables(("SUITE_AWS_EMULATOR_IMAGE", "suite/moto:local"))));

        Assert.Contains("--emulator localstack --image suite/moto:local", error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
