using System.Text;
using System.Text.Json;
using Cli.Tests.Functions;
using LambdaSuite.Cli.Devices;
using LambdaSuite.Data.Devices;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness.Iot;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.TestKit;

namespace Cli.Tests.Devices;

/// <summary>
/// <c>suite devices transfer|unbind|deregister|history</c> against IotRegistry's packaged AOT bootstrap behind the
/// harness's HTTP API front, which checks each request's SigV4 signature (execute-api) and hands the function the
/// caller's ARN as API Gateway's IAM authoriser does. Devices are registered on the IoT door and activated through the
/// HTTP door of the same bootstrap first. No output may hold a code, a hash or an owner's address.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DeviceLifecycleCommandsTests : IAsyncLifetime
{
    private const string AdminArn = "arn:aws:iam::123456789012:user/ops-admin";
    private const string OwnerEmail = "alice@owners.example";
    private const string NewOwnerEmail = "bob@owners.example";
    private static readonly HttpApiCaller s_admin = new("AKIDLIFECYCLEADMIN01", "lifecycle-secret-" + Guid.NewGuid().ToString("N"), AdminArn);
    private readonly string _code = "AC-LIFE-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly DeviceKey _device = new("SN-LIFE-" + Guid.NewGuid().ToString("N")[..10], "thing-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _folder = Directory.CreateTempSubdirectory("lifecycle-").FullName;
    private PackagedFunction _function = null!;
    private HttpApiFrontServer _front = null!;

    public async Task InitializeAsync()
    {
        _function = await PackagedFunction.StartAsync("IotRegistry", TableCatalog.IotCatalog);
        _front = await HttpApiFrontServer.StartAsync(_function.Session, [s_admin], TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_front is not null)
        {
            await _front.DisposeAsync();
        }

        if (_function is not null)
        {
            await _function.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Transfer_ActivatedDevice_NewOwnerStoredAndHistoryNamesTheAdministrator()
    {
        await RegisterAndActivateAsync();

        var transfer = await RunAsync("transfer", _device.SerialNumber, _device.ClientId, "--new-owner", NewOwnerEmail);
        var history = await RunAsync("history", _device.SerialNumber, _device.ClientId);

        Assert.Equal((0, ""), (transfer.ExitCode, transfer.Error));
        Assert.StartsWith($"{_device.SerialNumber} / {_device.ClientId}: transferred to the new owner; activated ", transfer.Output, StringComparison.Ordinal);
        Assert.Equal(NewOwnerEmail, (await Catalog().GetAsync(_device))!.OwnerEmail);
        Assert.Equal(0, history.ExitCode);
        var lines = history.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.Contains(" activate ", StringComparison.Ordinal) && l.EndsWith(" owner", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" transfer ", StringComparison.Ordinal) && l.EndsWith(" " + AdminArn, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("3 line(s)", StringComparison.Ordinal));
        AssertNothingSecret(transfer, history);
    }

    [Fact]
    public async Task Unbind_ActivatedDevice_NewCodeOnlyInTheFileAndOnlyItActivates()
    {
        await RegisterAndActivateAsync();
        var codeFile = Path.Combine(_folder, "new-code.txt");

        var unbind = await RunAsync("unbind", _device.SerialNumber, _device.ClientId, "--code-file", codeFile);

        Assert.Equal((0, ""), (unbind.ExitCode, unbind.Error));
        Assert.Contains(": unbound; not activated, registered ", unbind.Output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(codeFile));
        }

        var newCode = (await File.ReadAllTextAsync(codeFile)).Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", newCode);
        Assert.DoesNotContain(newCode, unbind.Output + unbind.Error, StringComparison.Ordinal);
        Assert.Equal(403, await ActivateAsync(_code));
        Assert.Equal(200, await ActivateAsync(newCode));
        AssertNothingSecret(unbind);
    }

    [Fact]
    public async Task Unbind_UnknownDevice_404OneLineExit1AndNoCodeFileLeft()
    {
        var codeFile = Path.Combine(_folder, "never.txt");

        var unbind = await RunAsync("unbind", "SN-NOBODY-" + Guid.NewGuid().ToString("N")[..6], "thing-0", "--code-file", codeFile);

        Assert.Equal((1, ""), (unbind.ExitCode, unbind.Output));
        var line = Assert.Single(unbind.ErrorLines);
        Assert.StartsWith("devices unbind: SN-NOBODY-", line, StringComparison.Ordinal);
        Assert.EndsWith("(HTTP 404 device_not_found)", line, StringComparison.Ordinal);
        Assert.False(File.Exists(codeFile));
    }

    [Fact]
    public async Task Deregister_WithoutYesThenTwice_RefusedUntouchedThenRetiredThen410()
    {
        await RegisterAndActivateAsync();

        var unconfirmed = await RunAsync("deregister", _device.SerialNumber, _device.ClientId);
        var untouched = await Catalog().GetAsync(_device);
        var first = await RunAsync("deregister", _device.SerialNumber, _device.ClientId, "--yes", "--json");
        var second = await RunAsync("deregister", _device.SerialNumber, _device.ClientId, "--yes");

        Assert.Equal(2, unconfirmed.ExitCode);
        Assert.EndsWith("add --yes to confirm.", Assert.Single(unconfirmed.ErrorLines), StringComparison.Ordinal);
        Assert.Null(untouched!.DeregisteredAt);
        Assert.Equal(0, first.ExitCode);
        using var json = JsonDocument.Parse(first.Output);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("deregisteredAt").GetString()));
        Assert.False(json.RootElement.TryGetProperty("owner", out _));
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("(HTTP 410 device_deregistered)", Assert.Single(second.ErrorLines), StringComparison.Ordinal);
        AssertNothingSecret(first, second);
    }

    [Fact]
    public async Task Transfer_BadNewOwnerAddress_400Exit2NamingTheFieldNotTheValue()
    {
        await RegisterAndActivateAsync();

        var run = await RunAsync("transfer", _device.SerialNumber, _device.ClientId, "--new-owner", "not-an-address");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("field newOwnerEmail", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-an-address", line, StringComparison.Ordinal);
        Assert.Equal(OwnerEmail, (await Catalog().GetAsync(_device))!.OwnerEmail);
    }

    [Fact]
    public async Task Transfer_WrongSecretKey_ApiGateway403Exit1AndDeviceUnchanged()
    {
        await RegisterAndActivateAsync();

        var run = await DevicesCli.InvokeAsync(Environment(secret: "not-the-secret"), "transfer", _device.SerialNumber, _device.ClientId, "--new-owner", NewOwnerEmail);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("devices transfer: the HTTP API refused the signed request (HTTP 403: The request signature we calculated does not match", line, StringComparison.Ordinal);
        Assert.EndsWith("the credentials need execute-api:Invoke on the device routes", line, StringComparison.Ordinal);
        Assert.Equal(OwnerEmail, (await Catalog().GetAsync(_device))!.OwnerEmail);
    }

    [Fact]
    public async Task Front_UnsignedRequestForUnknownDevice_ApiGateways403NotTheFunctions404()
    {
        using var http = new HttpClient();

        using var answer = await http.PostAsync(new Uri(_front.Endpoint, $"devices/{_device.SerialNumber}/{_device.ClientId}/deregister"), new StringContent("{}"));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal("""{"message":"Forbidden"}""", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task History_UnknownDevice_404OneLineExit1()
    {
        var run = await RunAsync("history", "SN-NOBODY-1", "thing-1", "--json");

        Assert.Equal((1, ""), (run.ExitCode, run.Output));
        Assert.Equal("devices history: SN-NOBODY-1 / thing-1: No such device. (HTTP 404 device_not_found)", Assert.Single(run.ErrorLines));
    }

    private DeviceCatalog Catalog() => new(_function.DynamoDb, _function.Table);

    private async Task RegisterAndActivateAsync()
    {
        var registration = Encoding.UTF8.GetBytes(
            $$"""{"serialNumber":"{{_device.SerialNumber}}","clientId":"{{_device.ClientId}}","device":"lifecycle","type":"MySmartIoTDevice","activationCode":"{{_code}}","activated":"false","mqttClientId":"{{_device.ClientId}}"}""");
        Assert.False((await _function.InvokeAsync(registration)).IsError);
        Assert.Equal(200, await ActivateAsync(_code));
    }

    /// <summary>An owner's activation through the HTTP door; the answer's status.</summary>
    private async Task<int> ActivateAsync(string code)
    {
        var outcome = await _function.InvokeAsync(ActivationHttpEvent.Build(_device.SerialNumber, _device.ClientId, code, OwnerEmail));
        Assert.False(outcome.IsError);
        return JsonDocument.Parse(outcome.Body).RootElement.GetProperty("statusCode").GetInt32();
    }

    private Func<string, string?> Environment(string? secret = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [DeviceAdminApi.UrlVariable] = _front.Endpoint.ToString(),
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = s_admin.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = secret ?? s_admin.SecretAccessKey,
        };
        return name => values.TryGetValue(name, out var value) ? value : null;
    }

    private Task<DevicesCliRun> RunAsync(params string[] args) => DevicesCli.InvokeAsync(Environment(), args);

    /// <summary>No owner's address (not even masked), no activation code, no HMAC in anything printed.</summary>
    private void AssertNothingSecret(params DevicesCliRun[] runs)
    {
        foreach (var run in runs)
        {
            var text = run.Output + run.Error;
            Assert.DoesNotContain("@", text, StringComparison.Ordinal);
            Assert.DoesNotContain(_code, text, StringComparison.Ordinal);
            Assert.DoesNotContain("hmac", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(s_admin.SecretAccessKey, text, StringComparison.Ordinal);
        }
    }
}
