using System.Text;
using IotRegistry.Registration;
using LambdaSuite.Data.Devices;
using LambdaSuite.TestKit.Devices;

namespace IotRegistry.Tests.Support;

/// <summary>
/// The whole handler over a DynamoDB Local table, driven through its doors as AWS would call it: HTTP events (ALB, the
/// IAM-authorised HTTP API), IoT rule messages and provisioning-hook requests, with every log line kept.
/// </summary>
internal sealed class LifecycleScenario(IotCatalogTableFixture table, bool bindCertificates = false, DeviceLockoutPolicy? lockout = null)
{
    public const string Code = "Q7K2-M9XP-4TWZ";
    public const string Owner = "owner@example.com";

    public IotRegistryHarness Harness { get; } = new(table, lockout) { BindCertificates = bindCertificates };

    public RecordingLambdaContext Context { get; } = new();

    public List<string> Answers { get; } = [];

    public async Task<DeviceKey> RegisterAsync(string? certificateId = "abc123")
    {
        var registration = IotRegistryHarness.NewRegistration(Code) with { CertificateId = certificateId };
        var result = await Harness.Registrations.RegisterAsync(registration);
        Assert.Equal(RegistrationOutcome.Registered, result.Outcome);
        return registration.Key;
    }

    public async Task<DeviceKey> RegisterAndActivateAsync()
    {
        var key = await RegisterAsync();
        var answer = await HttpAsync(HttpEvents.Alb, "POST", Path(key, "activation"), HttpEvents.ActivationBody(Code, Owner));
        Assert.Equal(200, answer.StatusCode);
        return key;
    }

    public Task<HttpAnswer> HttpAsync(string template, string method, string path, string? body = null, string query = "") =>
        InvokeAsync(HttpEvents.Build(template, method, path, body, query: query)).ContinueWith(t => HttpAnswer.Parse(t.Result), TaskScheduler.Default);

    public Task<HttpAnswer> AdminAsync(string method, DeviceKey key, string action, string? body = null, string query = "") =>
        HttpAsync(HttpEvents.ApiGatewayV2Iam, method, Path(key, action), body, query);

    public Task<HttpAnswer> TransferByOwnerAsync(DeviceKey key, string newOwner, string owner = Owner, string code = Code) =>
        HttpAsync(HttpEvents.Alb, "POST", Path(key, "transfer"), HttpEvents.TransferBody(newOwner, owner, code));

    public async Task<string> IotAsync(string json) => Encoding.UTF8.GetString(await InvokeAsync(Encoding.UTF8.GetBytes(json)));

    public async Task<string> HookAsync(DeviceKey key, string certificateId) =>
        Encoding.UTF8.GetString(await InvokeAsync(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(TestData.Bytes("provisioning-hook.json"))
            .Replace("__CERT__", certificateId, StringComparison.Ordinal)
            .Replace("__CLIENT__", key.ClientId, StringComparison.Ordinal)
            .Replace("__SERIAL__", key.SerialNumber, StringComparison.Ordinal))));

    public static string Path(DeviceKey key, string action) => $"/devices/{key.SerialNumber}/{key.ClientId}/{action}";

    public static string Activation(DeviceKey key, string code) =>
        $$"""{"operation":"activate","serialNumber":"{{key.SerialNumber}}","clientId":"{{key.ClientId}}","activationCode":"{{code}}","email":"{{Owner}}"}""";

    public static string Registration(DeviceKey key) =>
        $$"""{"serialNumber":"{{key.SerialNumber}}","clientId":"{{key.ClientId}}","activationCode":"{{Code}}","device":"Thermostat","type":"MySmartIoTDevice","endpoint":"example-ats.iot.us-east-1.amazonaws.com","certificateId":"abc123"}""";

    private async Task<byte[]> InvokeAsync(byte[] json)
    {
        var answer = await Harness.Function.InvokeAsync(json, Context);
        lock (Answers)
        {
            Answers.Add(Encoding.UTF8.GetString(answer));
        }

        return answer;
    }
}
