using LambdaSuite.Harness;
using LambdaSuite.Harness.Publishing;

namespace Harness.Tests.Publishing;

public sealed class LambdaArchitectureTests
{
    [Theory]
    [InlineData("arm64", "linux-arm64")]
    [InlineData("ARM64", "linux-arm64")]
    [InlineData("x86_64", "linux-x64")]
    public void Parse_TemplateName_GivesRuntimeIdentifier(string value, string runtimeIdentifier)
    {
        var architecture = LambdaArchitecture.Parse(value);

        Assert.Equal(runtimeIdentifier, architecture.RuntimeIdentifier);
    }

    [Fact]
    public void Parse_Host_IsThisMachine()
    {
        var architecture = LambdaArchitecture.Parse("host");

        Assert.Same(LambdaArchitecture.Host, architecture);
        Assert.True(architecture.IsHost);
    }

    [Theory]
    [InlineData("amd64")]
    [InlineData("aarch64")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_NotALambdaName_ThrowsNamingTheValidOnes(string? value)
    {
        var error = Assert.Throws<ArgumentException>(() => LambdaArchitecture.Parse(value));

        Assert.Contains("use arm64, x86_64 or host", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsArm64()
    {
        var architecture = LambdaArchitecture.Default;

        Assert.Same(LambdaArchitecture.Arm64, architecture);
    }

    [Fact]
    public void LaunchCommand_Host_RunsTheFileItself()
    {
        var (fileName, arguments) = LambdaArchitecture.Host.LaunchCommand("/x/bootstrap");

        Assert.Equal("/x/bootstrap", fileName);
        Assert.Empty(arguments);
    }

    [Fact]
    public void LaunchCommand_OtherArchitecture_RunsUnderStaticQemuWithCrossLibraries()
    {
        var other = LambdaArchitecture.All.Single(a => !a.IsHost);

        var (fileName, arguments) = other.LaunchCommand("/x/bootstrap");

        Assert.Equal($"qemu-{other.GnuTriplePrefix}-static", fileName);
        Assert.Equal(["-L", $"/usr/{other.GnuTriplePrefix}-linux-gnu", "/x/bootstrap"], arguments);
    }

    [Fact]
    public void RepositoryLayout_PackagePaths_AreSplitByArchitecture()
    {
        var layout = new RepositoryLayout("/repo");

        var arm = layout.PackageZip("Fanout", LambdaArchitecture.Arm64);
        var x64 = layout.PackagedBootstrap("Fanout", LambdaArchitecture.X8664);
        var host = layout.PackagedBootstrap("Fanout");

        Assert.Equal("/repo/artifacts/package/arm64/Fanout.zip", arm);
        Assert.Equal("/repo/artifacts/package/x86_64/Fanout/bootstrap", x64);
        Assert.Equal($"/repo/artifacts/package/{LambdaArchitecture.Host.Name}/Fanout/bootstrap", host);
    }
}
