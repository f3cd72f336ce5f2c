using System.Diagnostics;
using System.Xml.Linq;
using Template.Tests.Support;

namespace Template.Tests;

public class TemplateFunctionsTests
{
    public static TheoryData<string> Functions() => FunctionDeclarations.All();

    [Fact]
    public void DeclaredFunctions_AreExactlyTheSuitesFunctions()
    {
        var template = SamTemplate.Repository;

        var declared = template.ResourcesOfType(SamTemplate.FunctionType).Select(f => f.Key).Order().ToList();

        Assert.Equal(FunctionDeclarations.Names.Order(), declared);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_RuntimeArchitectureAndHandler_AreTheAotCustomRuntime(string function)
    {
        var template = SamTemplate.Repository;

        var runtime = template.Property(function, "Runtime")?.GetString();

        Assert.Equal("provided.al2023", runtime);
        Assert.Equal(["Architecture"], template.Property(function, "Architectures")!.Value.EnumerateArray().Select(a => a.GetProperty("Ref").GetString()));
        Assert.Equal(["arm64", "x86_64"], template.Parameters["Architecture"].GetProperty("AllowedValues").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("arm64", template.Parameters["Architecture"].GetProperty("Default").GetString());
        Assert.Equal("bootstrap", template.Property(function, "Handler")?.GetString());
        Assert.InRange(template.Property(function, "MemorySize")!.Value.GetInt32(), 128, 10240);
        Assert.InRange(template.Property(function, "Timeout")!.Value.GetInt32(), 1, 900);
    }

    [Fact]
    public void MakefileDefaultArchitecture_IsTheTemplatesArchitectureDefault()
    {
        var templateDefault = SamTemplate.Repository.Parameters["Architecture"].GetProperty("Default").GetString();

        var makefile = File.ReadAllLines(RepositoryRoot.Combine("functions", "aot-bootstrap.mk"));

        // SAM passes no architecture to a makefile build, so a plain `sam build` builds this default: it must be what
        // a plain deploy runs.
        Assert.Contains($"LAMBDA_ARCHITECTURE ?= {templateDefault}", makefile);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_CodeUri_IsTheFunctionFolderWithAnExecutableOfTheSameName(string function)
    {
        var template = SamTemplate.Repository;

        var codeUri = template.Property(function, "CodeUri")?.GetString();

        Assert.Equal($"functions/{function}/", codeUri);
        var project = XDocument.Load(RepositoryRoot.Combine("functions", function, function + ".csproj"));
        Assert.Equal(function, project.Descendants("AssemblyName").Single().Value);
        Assert.Equal("Exe", project.Descendants("OutputType").Single().Value);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_MakefileBuild_HasTheLogicalIdTargetAndPublishesBootstrap(string function)
    {
        var metadata = SamTemplate.Repository.Resource(function).GetProperty("Metadata");

        var makefile = File.ReadAllLines(RepositoryRoot.Combine("functions", function, "Makefile"));

        Assert.Equal("makefile", metadata.GetProperty("BuildMethod").GetString());
        Assert.True(metadata.GetProperty("BuildInSource").GetBoolean());
        Assert.Contains($"build-{function}:", makefile);
        Assert.Contains($"\t$(call aot-bootstrap,{function})", makefile);
        var shared = File.ReadAllText(RepositoryRoot.Combine("functions", "aot-bootstrap.mk"));
        Assert.Contains("-p:PublishAot=true", shared, StringComparison.Ordinal);
        Assert.Contains("$(ARTIFACTS_DIR)/bootstrap", shared, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_MakeDryRun_PublishesArm64AotAndCopiesBootstrapIntoArtifactsDir(string function)
    {
        var artifacts = Path.Combine(Path.GetTempPath(), "template-tests-" + Guid.NewGuid().ToString("N"));

        var (exitCode, output) = Make(function, $"build-{function}", $"ARTIFACTS_DIR={artifacts}");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"dotnet publish \"{RepositoryRoot.Combine("functions", function)}\" -c Release -r linux-arm64 -p:PublishAot=true ", output, StringComparison.Ordinal);
        Assert.Contains($"cp \"{RepositoryRoot.Combine("artifacts", "package", "arm64", function, function)}\" \"{artifacts}/bootstrap\"", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(artifacts));
    }

    [Fact]
    public void MakeDryRun_X8664FromEnvironment_PublishesLinuxX64()
    {
        var artifacts = Path.Combine(Path.GetTempPath(), "template-tests-" + Guid.NewGuid().ToString("N"));

        var (exitCode, output) = Make("Fanout", new Dictionary<string, string> { ["LAMBDA_ARCHITECTURE"] = "x86_64" }, "build-Fanout", $"ARTIFACTS_DIR={artifacts}");

        Assert.True(exitCode == 0, output);
        Assert.Contains(" -r linux-x64 -p:PublishAot=true ", output, StringComparison.Ordinal);
        Assert.Contains(RepositoryRoot.Combine("artifacts", "package", "x86_64", "Fanout", "Fanout"), output, StringComparison.Ordinal);
        Assert.DoesNotContain("linux-arm64", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MakeDryRun_UnknownArchitecture_FailsNamingTheValidOnes()
    {
        var (exitCode, output) = Make("SesFeedback", "build-SesFeedback", $"ARTIFACTS_DIR={Path.Combine(Path.GetTempPath(), "unused")}", "LAMBDA_ARCHITECTURE=amd64");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("LAMBDA_ARCHITECTURE=amd64 is not a Lambda architecture: use arm64 or x86_64", output, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet publish", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MakeDryRun_WithoutArtifactsDir_Fails()
    {
        var (exitCode, output) = Make("SesFeedback", "build-SesFeedback");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ARTIFACTS_DIR is not set", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) Make(string function, params string[] arguments) =>
        Make(function, new Dictionary<string, string>(), arguments);

    private static (int ExitCode, string Output) Make(string function, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("make") { WorkingDirectory = RepositoryRoot.Combine("functions", function), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-n");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ARTIFACTS_DIR");
        start.Environment.Remove("LAMBDA_ARCHITECTURE");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("make did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    [Fact]
    public void SesFeedbackQueue_VisibilityTimeout_IsAtLeastSixTimesTheFunctionTimeout()
    {
        var template = SamTemplate.Repository;

        var visibility = template.Resource("SesFeedbackQueue").GetProperty("Properties").GetProperty("VisibilityTimeout").GetInt32();

        // AWS's advice for SQS event sources: a shorter visibility timeout lets a message in a running batch reappear.
        Assert.True(visibility >= 6 * template.Property("SesFeedback", "Timeout")!.Value.GetInt32(), $"VisibilityTimeout {visibility} s");
    }
}
