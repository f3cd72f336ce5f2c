using System.Text.Json;
using LambdaSuite.Cli.Devices;
using LambdaSuite.Data.Devices;

namespace Cli.Tests.Devices;

/// <summary>The lifecycle commands' checks that need no server: where the HTTP API is, and how each refusal reads.</summary>
public sealed class DeviceLifecycleOfflineTests
{
    private static readonly DeviceKey s_key = new("SN-1", "thing-1");

    [Fact]
    public async Task History_NoApiGiven_Exit2SayingWhatToPass()
    {
        var run = await DevicesCli.InvokeAsync(_ => null, "history", "SN-1", "thing-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"devices history: no HTTP API given; pass --api with the stack output HttpApiEndpoint (https://ID.execute-api.REGION.amazonaws.com) or set {DeviceAdminApi.UrlVariable}.",
            Assert.Single(run.ErrorLines));
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task Unbind_ApiUnreachable_Exit3OneLineAndNoCodeFileLeft()
    {
        var folder = Directory.CreateTempSubdirectory("unbind-").FullName;
        var codeFile = Path.Combine(folder, "code.txt");
        var environment = (string name) => name switch
        {
            "AWS_ACCESS_KEY_ID" => "AKIDOFFLINE",
            "AWS_SECRET_ACCESS_KEY" => "offline",
            _ => null,
        };

        // Port 1 on loopback: nothing listens.
        var run = await DevicesCli.InvokeAsync(environment, "unbind", "SN-1", "thing-1", "--api", "http://127.0.0.1:1/", "--code-file", codeFile);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("devices unbind: cannot reach the HTTP API at http://127.0.0.1:1 (", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(codeFile));
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("http://api.example.com/", "must use https")]
    [InlineData("ftp://127.0.0.1/", "must be an absolute https URL")]
    [InlineData("https://abc.execute-api.eu-west-1.amazonaws.com/?stage=x", "must be an absolute https URL")]
    public void Create_UnusableUrl_NoClientAndTheReason(string url, string reason)
    {
        using var api = DeviceAdminApi.Create(_ => null, url, out var problem);

        Assert.Null(api);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_LoopbackHttpFromTheVariable_Accepted()
    {
        var environment = (string name) => name switch
        {
            DeviceAdminApi.UrlVariable => "http://127.0.0.1:9/stage",
            "AWS_ACCESS_KEY_ID" => "AKIDOFFLINE",
            "AWS_SECRET_ACCESS_KEY" => "offline",
            _ => null,
        };

        using var api = DeviceAdminApi.Create(environment, null, out var problem);

        Assert.Null(problem);
        Assert.Equal("http://127.0.0.1:9/stage/", api!.ApiBase.ToString());
    }

    [Theory]
    [InlineData("https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", "eu-west-1")]
    [InlineData("https://a1b2c3d4e5.execute-api.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("https://devices.internal.example/", null)]
    public void RegionOf_HostName_RegionOfExecuteApiHostsOnly(string url, string? region)
    {
        Assert.Equal(region, DeviceAdminApi.RegionOf(new Uri(url)));
    }

    [Theory]
    [InlineData(403, """{"message":"Forbidden"}""", "the HTTP API refused the signed request (HTTP 403: Forbidden); the credentials need execute-api:Invoke on the device routes", 1)]
    [InlineData(403, """{"error":"administrator_required","message":"Only an administrator may do this."}""", "SN-1 / thing-1: the function did not see an administrator (HTTP 403 administrator_required); --api must be the HTTP API's URL (its IAM routes), not the ALB's", 1)]
    [InlineData(404, """{"message":"Not Found"}""", "no such route on the HTTP API (HTTP 404: Not Found); check --api", 1)]
    [InlineData(409, """{"error":"conflict","message":"The device changed meanwhile; read it and try again."}""", "SN-1 / thing-1: The device changed meanwhile; read it and try again. (HTTP 409 conflict)", 1)]
    [InlineData(400, """{"error":"invalid_field","message":"Bad address.","field":"newOwnerEmail"}""", "SN-1 / thing-1: Bad address. (HTTP 400 invalid_field, field newOwnerEmail)", 2)]
    [InlineData(502, "", "SN-1 / thing-1: the HTTP API could not do it (HTTP 502: no explanation given); try again, and see the function's log if it persists", 3)]
    public void Refusal_Answer_OneLineAndExitCode(int status, string body, string line, int exitCode)
    {
        var answer = new DeviceAdminAnswer(status, body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.Clone(), null);

        Assert.Equal((line, exitCode), DeviceLifecycleText.Refusal(s_key, answer));
    }

    [Fact]
    public void Refusal_Locked_SaysWhenToRetry()
    {
        var answer = new DeviceAdminAnswer(429, JsonDocument.Parse("""{"error":"locked","message":"Too many attempts."}""").RootElement.Clone(), TimeSpan.FromSeconds(300));

        Assert.Equal(("SN-1 / thing-1: Too many attempts. (HTTP 429 locked, retry after 300 s)", 1), DeviceLifecycleText.Refusal(s_key, answer));
    }

    [Fact]
    public void History_OwnerAndAdministratorLines_OwnerShownAsOwnerArnKept()
    {
        using var entries = JsonDocument.Parse("""[{"action":"activate","door":"apigw-v2","actor":"a***@owners.example","at":"2026-12-05T01:00:00.000Z","outcome":"ok"},{"action":"unbind","door":"apigw-v2","actor":"arn:aws:iam::123456789012:user/ops","at":"2026-12-05T01:05:00.000Z","outcome":"ok"}]""");

        var text = DeviceLifecycleText.History(s_key, [.. entries.RootElement.EnumerateArray()]);

        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.Contains("activate", text, StringComparison.Ordinal);
        Assert.Contains(" owner\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::123456789012:user/ops", text, StringComparison.Ordinal);
        Assert.EndsWith("2 line(s)", text, StringComparison.Ordinal);
    }
}
