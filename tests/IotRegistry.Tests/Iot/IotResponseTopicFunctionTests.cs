using System.Text;
using IotRegistry.Tests.Support;
using LambdaSuite.TestKit.Devices;
using LambdaSuite.TestKit.Stubs;

namespace IotRegistry.Tests.Iot;

/// <summary>
/// The handler as <c>Program.cs</c> composes it, on DynamoDB Local, publishing through a loopback IoT Data endpoint:
/// what the device hears is the invocation's answer byte for byte, and an endpoint that fails loses nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IotResponseTopicFunctionTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>, IAsyncLifetime
{
    private AwsStubServer _stub = null!;

    public async Task InitializeAsync() => _stub = await AwsStubServer.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task InvokeAsync_RegistrationThenActivation_PublishesEachAnswerToItsTopicWithoutCodeOrHash()
    {
        var function = IotRegistryFunction.Create(table.Environment(("IOT_TOPIC_PREFIX", "fleet")), StubClientFactory.For(_stub));
        var serial = NewSerial();

        var registered = await function.InvokeAsync(TestData.BytesWith("registration.json", "SN-0001", serial), new RecordingLambdaContext());
        var activated = await function.InvokeAsync(TestData.BytesWith("activation-iot.json", "SN-0001", serial), new RecordingLambdaContext());

        var requests = _stub.Requests;
        Assert.Equal([$"/topics/fleet/{serial}/register/accepted", $"/topics/fleet/{serial}/activate/accepted"], requests.Select(r => r.RawPath));
        Assert.Equal(registered, requests[0].Body);
        Assert.Equal(activated, requests[1].Body);
        Assert.All(requests, r =>
        {
            Assert.Equal("1", r.QueryParameters()["qos"]);
            Assert.DoesNotContain("Q7K2", r.BodyText, StringComparison.Ordinal);
            Assert.DoesNotContain("Hmac", r.BodyText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("owner@example.com", r.BodyText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task InvokeAsync_WrongCode_PublishedAsRejected()
    {
        var function = IotRegistryFunction.Create(table.Environment(("IOT_TOPIC_PREFIX", "fleet")), StubClientFactory.For(_stub));
        var serial = NewSerial();
        await function.InvokeAsync(TestData.BytesWith("registration.json", "SN-0001", serial), new RecordingLambdaContext());

        var wrong = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(TestData.BytesWith("activation-iot.json", "SN-0001", serial)).Replace("Q7K2-M9XP-4TWZ", "WRONG-CODE-000", StringComparison.Ordinal));
        await function.InvokeAsync(wrong, new RecordingLambdaContext());

        Assert.Equal($"/topics/fleet/{serial}/activate/rejected", _stub.Requests[^1].RawPath);
        Assert.Contains("\"error\":\"wrong_code\"", _stub.Requests[^1].BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG-CODE", _stub.Requests[^1].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_IotDataAnswers500_RegistrationStandsAndFailureIsLoggedWithoutPayload()
    {
        _stub.Responder = _ => StubResponse.Json("""{"message":"internal failure"}""", 500, "application/json");
        var function = IotRegistryFunction.Create(table.Environment(("IOT_TOPIC_PREFIX", "fleet")), StubClientFactory.For(_stub));
        var serial = NewSerial();
        var context = new RecordingLambdaContext();

        var answer = await function.InvokeAsync(TestData.BytesWith("registration.json", "SN-0001", serial), context);

        Assert.Contains("\"outcome\":\"registered\"", Encoding.UTF8.GetString(answer), StringComparison.Ordinal);
        Assert.NotNull(await table.Catalog.GetAsync(new LambdaSuite.Data.Devices.DeviceKey(serial, "thermostat-0001")));
        Assert.NotEmpty(_stub.Requests);
        var warning = Assert.Single(context.Lines, l => l.Contains("iot response not published", StringComparison.Ordinal));
        Assert.Contains($"topic=fleet/{serial}/register/accepted", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Thermostat", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_NoTopicPrefix_PublishesNothing()
    {
        var function = IotRegistryFunction.Create(table.Environment(), StubClientFactory.For(_stub));

        var answer = await function.InvokeAsync(TestData.BytesWith("registration.json", "SN-0001", NewSerial()), new RecordingLambdaContext());

        Assert.Contains("\"status\":201", Encoding.UTF8.GetString(answer), StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task InvokeAsync_SerialWithWildcard_RefusedAndNothingPublished()
    {
        var function = IotRegistryFunction.Create(table.Environment(("IOT_TOPIC_PREFIX", "fleet")), StubClientFactory.For(_stub));

        var answer = await function.InvokeAsync(TestData.BytesWith("registration.json", "SN-0001", "SN-1/+/#"), new RecordingLambdaContext());

        Assert.Contains("\"status\":400", Encoding.UTF8.GetString(answer), StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    private static string NewSerial() => "SN-" + Guid.NewGuid().ToString("N")[..12];
}
