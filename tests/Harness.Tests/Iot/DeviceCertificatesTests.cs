using System.Diagnostics;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Iot;
using LambdaSuite.TestKit;

namespace Harness.Tests.Iot;

/// <summary>Device certificates issued from the stack's CA (scripts/stack/mqtt-cert.sh), judged by openssl itself.</summary>
[Trait("Category", "Integration")]
public sealed class DeviceCertificatesTests
{
    private readonly MqttStack _stack;
    private readonly DeviceCertificates _certificates;

    public DeviceCertificatesTests()
    {
        _ = LocalStack.Mqtt;
        _stack = MqttStack.FromEnvironment(Environment.GetEnvironmentVariable);
        _certificates = new DeviceCertificates(_stack, RepositoryLayout.Discover());
    }

    [Fact]
    public async Task IssueAsync_SerialAndClientId_CnUidAndTheCertificateIdOpensslComputes()
    {
        var serial = "SN-CERT-" + Guid.NewGuid().ToString("N")[..8];

        var issued = await _certificates.IssueAsync(serial, "thing-cert", default);

        Assert.Equal((serial, "thing-cert"), (issued.SerialNumber, issued.ClientId));
        var fingerprint = await OpensslAsync("x509", "-in", issued.CertificatePath, "-noout", "-fingerprint", "-sha256");
        Assert.Equal(fingerprint.Split('=')[1].Replace(":", "", StringComparison.Ordinal).Trim().ToLowerInvariant(), issued.CertificateId);
        var verified = await OpensslAsync("verify", "-CAfile", Path.Combine(_stack.PkiFolder, "ca.crt"), issued.CertificatePath);
        Assert.Contains(": OK", verified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueAsync_SerialWithASlash_RefusedWithASentenceAndNoFile()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _certificates.IssueAsync("SN/other", null, default));

        Assert.Contains("serial number must be 1-128 letters", error.Message, StringComparison.Ordinal);
        Assert.Null(_certificates.Find("SN/other"));
    }

    private static async Task<string> OpensslAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
