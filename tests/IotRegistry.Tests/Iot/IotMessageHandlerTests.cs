using System.Text;
using Amazon.DynamoDBv2.Model;
using IotRegistry.Input;
using IotRegistry.Tests.Support;
using LambdaSuite.Data.Devices;
using LambdaSuite.TestKit.Devices;

namespace IotRegistry.Tests.Iot;

/// <summary>The IoT door's mapping of messages to answers over the in-memory catalog; what is stored is checked in <see cref="IotMessageHandlerDynamoDbTests"/>.</summary>
public sealed class IotMessageHandlerTests
{
    private readonly InMemoryDeviceCatalog _catalog = new();
    private readonly IotRegistryHarness _harness;

    public IotMessageHandlerTests() => _harness = new IotRegistryHarness(_catalog);

    [Fact]
    public async Task HandleAsync_PeerRegistrationPayload_RegisteredWithoutCodeInResult()
    {
        var serial = NewSerial();
        var message = TestData.BytesWith("registration.json", "SN-0001", serial);

        var result = await _harness.IotDoor.HandleAsync(message);

        Assert.Equal(("register", "registered", 201), (result.Operation, result.Outcome, result.Status));
        Assert.Null(result.Error);
        Assert.Equal(serial, result.Device!.SerialNumber);
        Assert.False(result.Device.Activated);
        Assert.DoesNotContain("Q7K2", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_RegistrationRepeated_AlreadyRegistered()
    {
        var message = TestData.BytesWith("registration-enriched.json", "SN-0002", NewSerial());
        await _harness.IotDoor.HandleAsync(message);

        var result = await _harness.IotDoor.HandleAsync(message);

        Assert.Equal(("already_registered", 200), (result.Outcome, result.Status));
        Assert.Null(result.Device);
    }

    [Fact]
    public async Task HandleAsync_RegistrationFromAnotherClient_ForbiddenAndNothingWritten()
    {
        var serial = NewSerial();
        var message = TestData.BytesWith("registration-other-client.json", "SN-0003", serial);

        var result = await _harness.IotDoor.HandleAsync(message);

        Assert.Equal(("client_id_mismatch", 403, "client_id_mismatch"), (result.Outcome, result.Status, result.Error));
        Assert.Null(await _harness.Catalog.GetAsync(new DeviceKey(serial, "thermostat-0003")));
    }

    [Theory]
    [InlineData("{\"serialNumber\":", InputErrorCodes.InvalidJson)]
    [InlineData("[]", InputErrorCodes.InvalidJson)]
    [InlineData("{\"operation\":\"delete\",\"serialNumber\":\"s1\"}", InputErrorCodes.UnknownOperation)]
    [InlineData("{\"operation\":7}", InputErrorCodes.UnknownOperation)]
    [InlineData("{\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":[]}", InputErrorCodes.WrongType)]
    [InlineData("{\"operation\":\"activate\",\"serialNumber\":\"s1\",\"clientId\":\"c1\",\"activationCode\":\"ABCDEF\",\"email\":\"nope\"}", InputErrorCodes.InvalidEmail)]
    public async Task HandleAsync_BadMessage_InvalidInputWithoutAnyRequest(string message, string expectedError)
    {
        _catalog.ResetCalls();

        var result = await _harness.IotDoor.HandleAsync(Encoding.UTF8.GetBytes(message));

        Assert.Equal(("invalid_input", 400, expectedError), (result.Outcome, result.Status, result.Error));
        Assert.Empty(_catalog.Calls);
    }

    [Fact]
    public async Task HandleAsync_OversizedMessage_TooLarge()
    {
        var message = Encoding.UTF8.GetBytes("{\"serialNumber\":\"s1\",\"pad\":\"" + new string('x', 9000) + "\"}");

        var result = await _harness.IotDoor.HandleAsync(message);

        Assert.Equal((400, InputErrorCodes.TooLarge), (result.Status, result.Error));
    }

    [Fact]
    public async Task HandleAsync_ActivationMessages_SameOutcomesAsHttp()
    {
        var serial = NewSerial();
        await _harness.IotDoor.HandleAsync(TestData.BytesWith("registration.json", "SN-0001", serial));
        var activation = Encoding.UTF8.GetString(TestData.BytesWith("activation-iot.json", "SN-0001", serial));

        var unknown = await _harness.IotDoor.HandleAsync(Encoding.UTF8.GetBytes(activation.Replace(serial, serial + "x", StringComparison.Ordinal)));
        var wrong = await _harness.IotDoor.HandleAsync(Encoding.UTF8.GetBytes(activation.Replace("Q7K2-M9XP-4TWZ", "WRONG-CODE", StringComparison.Ordinal)));
        var activated = await _harness.IotDoor.HandleAsync(Encoding.UTF8.GetBytes(activation));
        var again = await _harness.IotDoor.HandleAsync(Encoding.UTF8.GetBytes(activation));

        Assert.Equal(("device_not_found", 404), (unknown.Outcome, unknown.Status));
        Assert.Equal(("wrong_code", 403, "wrong_code"), (wrong.Outcome, wrong.Status, wrong.Error));
        Assert.Equal(("activated", 200), (activated.Outcome, activated.Status));
        Assert.Equal("o***@example.com", activated.Device!.Owner);
        Assert.Equal(("already_activated", 409), (again.Outcome, again.Status));
    }

    [Fact]
    public async Task HandleAsync_LockedDevice_TooManyRequestsWithRetryAfter()
    {
        var serial = NewSerial();
        await _harness.IotDoor.HandleAsync(TestData.BytesWith("registration.json", "SN-0001", serial));
        var wrong = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(TestData.BytesWith("activation-iot.json", "SN-0001", serial)).Replace("Q7K2-M9XP-4TWZ", "WRONG-CODE", StringComparison.Ordinal));
        for (var i = 0; i < 5; i++)
        {
            await _harness.IotDoor.HandleAsync(wrong);
        }

        var result = await _harness.IotDoor.HandleAsync(TestData.BytesWith("activation-iot.json", "SN-0001", serial));

        Assert.Equal(("locked", 429, "locked"), (result.Outcome, result.Status, result.Error));
        Assert.Equal(15 * 60, result.RetryAfterSeconds);
    }

    private static string NewSerial() => "SN-" + Guid.NewGuid().ToString("N")[..12];
}
