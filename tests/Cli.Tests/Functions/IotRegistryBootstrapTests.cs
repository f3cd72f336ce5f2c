using System.Text;
using System.Text.Json;
using LambdaSuite.Data.Devices;
using LambdaSuite.Data.Tables;
using LambdaSuite.Demo;
using LambdaSuite.Harness;

namespace Cli.Tests.Functions;

/// <summary>
/// IotRegistry through its real Native AOT bootstrap (published by <c>./suite package</c>) under a local Runtime
/// API, on a table of its own in DynamoDB Local. Events are the demo's (demo/iot), so the demo and the test agree.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IotRegistryBootstrapTests : IAsyncLifetime
{
    private static readonly DeviceKey s_thermostat = new("SN-DEMO-THERMO-01", "ID-DEMO-THERMO-01");
    private static readonly DeviceKey s_doorbell = new("SN-DEMO-BELL-02", "ID-DEMO-BELL-02");
    private readonly RepositoryLayout _layout = RepositoryLayout.Discover();
    private PackagedFunction _function = null!;

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ACTIVATION_MAX_FAILED_ATTEMPTS"] = "3",
        };
        _function = await PackagedFunction.StartAsync("IotRegistry", TableCatalog.IotCatalog, environment);
    }

    public async Task DisposeAsync()
    {
        if (_function is not null)
        {
            await _function.DisposeAsync();
        }
    }

    [Fact]
    public async Task Bootstrap_IotRegistrations_CreateOnceAndRefuseSpoofedClient()
    {
        var first = await InvokeAsync("01-register-thermostat.json");
        var replay = await InvokeAsync("03-register-thermostat-again.json");
        var spoofed = await InvokeAsync("04-register-spoofed-client.json");

        Assert.Equal((201, "iot"), (first.Status, first.HeaderMode));
        Assert.Equal(200, replay.Status);
        Assert.Equal(403, spoofed.Status);
        Assert.Equal("client_id_mismatch", JsonDocument.Parse(spoofed.Body).RootElement.GetProperty("error").GetString());
        var stored = await Catalog().GetAsync(s_thermostat);
        Assert.NotNull(stored);
        Assert.False(stored.Activated);
        Assert.Null(stored.OwnerEmail);
        Assert.Equal("Hallway thermostat", stored.DeviceName);
        Assert.DoesNotContain("AC-", stored.ActivationCodeHmac, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_AlbSingleHeaderActivation_AnswersInHeadersAndBindsOwner()
    {
        await InvokeAsync("01-register-thermostat.json");

        var activation = await InvokeAsync("05-activate-thermostat-alb.json");

        Assert.Equal((200, "headers"), (activation.Status, activation.HeaderMode));
        var stored = await Catalog().GetAsync(s_thermostat);
        Assert.True(stored!.Activated);
        Assert.Equal("alice@owners.example", stored.OwnerEmail);
        Assert.NotNull(stored.ActivatedAt);
    }

    [Fact]
    public async Task Bootstrap_AlbMultiValueWrongCodes_AnswerInMultiValueHeadersThenLock()
    {
        await InvokeAsync("02-register-doorbell.json");

        var answers = new List<DemoAnswer>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await InvokeAsync("06-wrong-code-doorbell-alb-multivalue.json"));
        }

        Assert.All(answers, a => Assert.Equal("multiValueHeaders", a.HeaderMode));
        Assert.Equal([403, 403, 403, 429], answers.Select(a => a.Status));
        Assert.True(int.Parse(answers[3].RetryAfter!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        var stored = await Catalog().GetAsync(s_doorbell);
        Assert.False(stored!.Activated);
        Assert.Equal(3, stored.FailedAttempts);
        Assert.Null(stored.OwnerEmail);
    }

    [Fact]
    public async Task Bootstrap_HttpApiV2_ReactivationConflictsAndReadMasksOwner()
    {
        await InvokeAsync("01-register-thermostat.json");
        await InvokeAsync("05-activate-thermostat-alb.json");

        var again = await InvokeAsync("07-reactivate-thermostat-apigw-v2.json");
        var read = await InvokeAsync("08-get-thermostat-apigw-v2.json");

        Assert.Equal((409, "headers"), (again.Status, again.HeaderMode));
        Assert.Equal("already_activated", JsonDocument.Parse(again.Body).RootElement.GetProperty("error").GetString());
        Assert.Equal(200, read.Status);
        var device = JsonDocument.Parse(read.Body).RootElement;
        Assert.Equal("a***@owners.example", device.GetProperty("owner").GetString());
        Assert.False(device.TryGetProperty("activationCodeHmac", out _));
        Assert.Equal("alice@owners.example", (await Catalog().GetAsync(s_thermostat))!.OwnerEmail);
        Assert.DoesNotContain(_function.Logs, l => l.Contains("AC-7RK4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bootstrap_AdministratorTransferOverIamHttpApi_NewOwnerAndHistoryInOrder()
    {
        await InvokeAsync("01-register-thermostat.json");
        await InvokeAsync("05-activate-thermostat-alb.json");

        var transfer = await InvokeRawAsync(AdministratorEvent("POST", "transfer", """{"newOwnerEmail":"bob@owners.example"}"""));
        var history = await InvokeRawAsync(AdministratorEvent("GET", "history", null));

        Assert.Equal(200, transfer.Status);
        Assert.Equal("b***@owners.example", JsonDocument.Parse(transfer.Body).RootElement.GetProperty("owner").GetString());
        Assert.Equal("bob@owners.example", (await Catalog().GetAsync(s_thermostat))!.OwnerEmail);
        var lines = JsonDocument.Parse(history.Body).RootElement.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["register", "activate", "transfer"], lines.Select(l => l.GetProperty("action").GetString()));
        Assert.Equal("arn:aws:iam::123456789012:user/fleet-admin", lines[2].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Bootstrap_UnreadableHttpEvent_Answers400InSameMode()
    {
        var broken = """{"version":"2.0","rawPath":42,"requestContext":{"http":{"method":"POST"}}}"""u8.ToArray();

        var outcome = await _function.Session.InvokeAsync(broken, TimeSpan.FromSeconds(30), default);

        var answer = DemoAnswer.Read(outcome);
        Assert.Equal(400, answer.Status);
        Assert.Contains("invalid_request", answer.Body, StringComparison.Ordinal);
    }

    private DeviceCatalog Catalog() => new(_function.DynamoDb, _function.Table);

    /// <summary>An HTTP API (payload 2.0) event from an AWS_IAM route, as API Gateway sends it after checking the caller.</summary>
    private static byte[] AdministratorEvent(string method, string action, string? body)
    {
        var path = $"/devices/{s_thermostat.SerialNumber}/{s_thermostat.ClientId}/{action}";
        return Encoding.UTF8.GetBytes("""
            {"version":"2.0","routeKey":"METHOD /devices/{serialNumber}/{clientId}/ACTION","rawPath":"PATH","rawQueryString":"",
             "headers":{"content-type":"application/json"},
             "requestContext":{"accountId":"123456789012","apiId":"a1b2c3","requestId":"r1","stage":"$default",
               "authorizer":{"iam":{"accountId":"123456789012","userArn":"arn:aws:iam::123456789012:user/fleet-admin"}},
               "http":{"method":"METHOD","path":"PATH","sourceIp":"192.0.2.10"}},
             "body":BODY,"isBase64Encoded":false}
            """
            .Replace("METHOD", method, StringComparison.Ordinal)
            .Replace("ACTION", action, StringComparison.Ordinal)
            .Replace("PATH", path, StringComparison.Ordinal)
            .Replace("BODY", JsonSerializer.Serialize(body ?? string.Empty), StringComparison.Ordinal));
    }

    private async Task<DemoAnswer> InvokeRawAsync(byte[] eventJson)
    {
        var outcome = await _function.Session.InvokeAsync(eventJson, TimeSpan.FromSeconds(30), default);
        Assert.False(outcome.IsError, Encoding.UTF8.GetString(outcome.Body));
        return DemoAnswer.Read(outcome);
    }

    private async Task<DemoAnswer> InvokeAsync(string demoFile)
    {
        var outcome = await _function.Session.InvokeAsync(await File.ReadAllBytesAsync(_layout.FullPath("demo/iot/" + demoFile)), TimeSpan.FromSeconds(30), default);
        Assert.False(outcome.IsError, Encoding.UTF8.GetString(outcome.Body));
        return DemoAnswer.Read(outcome);
    }
}
