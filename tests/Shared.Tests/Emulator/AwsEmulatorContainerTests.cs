using System.Diagnostics;
using Amazon.Runtime;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Sts;
using LambdaSuite.TestKit.Emulator;

namespace Shared.Tests.Emulator;

/// <summary>
/// The container path of the emulator fixture, end to end through Testcontainers: it starts the image asked for
/// (LocalStack, or the locally built moto image), an in-house client's call is answered, and after disposal the
/// container is gone. Runs only with <c>./suite test --emulator localstack</c> and a Docker engine.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AwsEmulatorContainerTests
{
    [EmulatorContainerFact]
    public async Task StartAsync_ContainerPath_AnswersAStsCallOnLoopbackAndIsRemovedOnDispose()
    {
        var settings = AwsEmulatorSettings.FromEnvironment(Environment.GetEnvironmentVariable);

        var emulator = await AwsEmulator.StartAsync(settings);
        var id = emulator.ContainerId ?? throw new InvalidOperationException("the container path started no container.");
        string running, published;
        AssumeRoleResponse answer;
        try
        {
            running = await DockerAsync("inspect", "--format", "{{.State.Running}}", id);
            published = await DockerAsync("port", id, "4566/tcp");
            using var factory = new AwsClientFactory(
                new AwsEndpointResolver(name => name.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal) ? emulator.Endpoint.ToString() : null),
                new BasicAWSCredentials("test", "test"));
            answer = await factory.CreateSts().AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::000000000000:role/suite-probe", RoleSessionName = "suite-probe" });
        }
        finally
        {
            await emulator.DisposeAsync();
        }

        var left = await DockerAsync("ps", "--all", "--quiet", "--no-trunc", "--filter", "id=" + id);

        Assert.Equal(AwsEmulatorKind.LocalStack, settings.Kind);
        Assert.Equal("true", running);
        Assert.StartsWith("127.0.0.1:", published, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(answer.Credentials.SessionToken));
        Assert.Equal(string.Empty, left);
    }

    private static async Task<string> DockerAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("docker") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("the docker CLI could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? (await output).Trim()
            : throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {await error}");
    }
}
