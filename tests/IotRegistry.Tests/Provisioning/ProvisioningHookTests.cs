using System.Text;
using System.Text.Json;
using IotRegistry.Tests.Support;
using LambdaSuite.Events.Detection;
using LambdaSuite.TestKit.Devices;

namespace IotRegistry.Tests.Provisioning;

/// <summary>The fleet-provisioning pre-provisioning hook through the handler, against DynamoDB Local.</summary>
[Trait("Category", "Integration")]
public sealed class ProvisioningHookTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>
{
    [Fact]
    public void Detect_HookRequest_IsTheProvisioningHookShape()
    {
        var json = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(TestData.Bytes("provisioning-hook.json")).Replace("__", "x", StringComparison.Ordinal));

        var shape = EventShapeDetector.Detect(json);
        var registration = EventShapeDetector.Detect(TestData.Bytes("registration.json"));

        Assert.Equal(EventShape.IotProvisioningHook, shape);
        Assert.Equal(EventShape.Raw, registration);
    }

    [Fact]
    public async Task Hook_UnknownDevice_Denied()
    {
        var scenario = new LifecycleScenario(table);
        var key = new LambdaSuite.Data.Devices.DeviceKey("SN-" + Guid.NewGuid().ToString("N")[..12], "client-1");

        var answer = await scenario.HookAsync(key, "abc123");

        Assert.Equal("""{"allowProvisioning":false}""", answer);
        Assert.Contains(scenario.Context.Lines, l => l.Contains("reason=device_not_found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hook_RegisteredDeviceWithThatCertificate_AllowedAndNothingWritten()
    {
        var scenario = new LifecycleScenario(table, bindCertificates: true);
        var key = await scenario.RegisterAsync("abc123");

        var answer = JsonDocument.Parse(await scenario.HookAsync(key, "abc123")).RootElement;
        var stored = await table.Catalog.GetAsync(key);

        Assert.True(answer.GetProperty("allowProvisioning").GetBoolean());
        Assert.Equal(0, stored!.HistorySeq);
    }

    [Fact]
    public async Task Hook_DeviceBoundToAnotherCertificate_Denied()
    {
        var scenario = new LifecycleScenario(table, bindCertificates: true);
        var key = await scenario.RegisterAsync("abc123");

        var answer = JsonDocument.Parse(await scenario.HookAsync(key, "def456")).RootElement;

        Assert.False(answer.GetProperty("allowProvisioning").GetBoolean());
        Assert.Contains(scenario.Context.Lines, l => l.Contains("reason=certificate_mismatch", StringComparison.Ordinal));
        Assert.Equal("abc123", (await table.Catalog.GetAsync(key))!.CertificateId);
    }

    [Fact]
    public async Task Hook_BindingOnDeviceWithoutCertificate_BindsAuditsAndRefusesASecondCertificate()
    {
        var scenario = new LifecycleScenario(table, bindCertificates: true);
        var key = await scenario.RegisterAsync(certificateId: null);

        var first = JsonDocument.Parse(await scenario.HookAsync(key, "cafe01")).RootElement;
        var retry = JsonDocument.Parse(await scenario.HookAsync(key, "cafe01")).RootElement;
        var other = JsonDocument.Parse(await scenario.HookAsync(key, "beef02")).RootElement;
        var history = await scenario.AdminAsync("GET", key, "history");

        Assert.True(first.GetProperty("allowProvisioning").GetBoolean());
        Assert.True(retry.GetProperty("allowProvisioning").GetBoolean());
        Assert.False(other.GetProperty("allowProvisioning").GetBoolean());
        Assert.Equal("cafe01", (await table.Catalog.GetAsync(key))!.CertificateId);
        var bind = history.Json.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("bind_certificate", "provisioning-hook", "cafe01"), (bind.GetProperty("action").GetString(), bind.GetProperty("door").GetString(), bind.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Hook_ConcurrentBindingsOfTwoCertificates_ExactlyOneAllowed()
    {
        var scenario = new LifecycleScenario(table, bindCertificates: true);
        var key = await scenario.RegisterAsync(certificateId: null);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => scenario.HookAsync(key, "cert" + i))));

        Assert.Single(answers, a => a.Contains("true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hook_WithoutBindingSetting_AllowsAndLeavesTheDeviceUnbound()
    {
        var scenario = new LifecycleScenario(table);
        var key = await scenario.RegisterAsync(certificateId: null);

        var answer = JsonDocument.Parse(await scenario.HookAsync(key, "cafe01")).RootElement;

        Assert.True(answer.GetProperty("allowProvisioning").GetBoolean());
        Assert.Null((await table.Catalog.GetAsync(key))!.CertificateId);
    }

    [Fact]
    public async Task Hook_SerialWithForbiddenCharacters_DeniedWithoutARead()
    {
        var scenario = new LifecycleScenario(table);
        table.ResetRequestCounts();

        var answer = await scenario.HookAsync(new LambdaSuite.Data.Devices.DeviceKey("SN#1", "client-1"), "abc123");

        Assert.Equal("""{"allowProvisioning":false}""", answer);
        Assert.Equal(0, table.RequestCount("GetItem"));
        Assert.DoesNotContain(scenario.Context.Lines, l => l.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal));
    }
}
