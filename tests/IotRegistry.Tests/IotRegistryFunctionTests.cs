using System.Text.Json;
using IotRegistry.Tests.Support;
using LambdaSuite.TestKit.Devices;

namespace IotRegistry.Tests;

[Trait("Category", "Integration")]
public sealed class IotRegistryFunctionTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>
{
    [Fact]
    public async Task InvokeAsync_RegistrationThenActivation_JsonResultsAndNoSecretsLogged()
    {
        var function = IotRegistryFunction.Create(table.Environment());
        var context = new RecordingLambdaContext();
        var serial = "SN-" + Guid.NewGuid().ToString("N")[..12];

        var registered = await function.InvokeAsync(TestData.BytesWith("registration.json", "SN-0001", serial), context);
        var activated = await function.InvokeAsync(TestData.BytesWith("activation-iot.json", "SN-0001", serial), context);

        using var registeredJson = JsonDocument.Parse(registered);
        using var activatedJson = JsonDocument.Parse(activated);
        Assert.Equal("registered", registeredJson.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(200, activatedJson.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(2, context.Lines.Count);
        Assert.All(context.Lines, line =>
        {
            Assert.DoesNotContain("Q7K2", line, StringComparison.Ordinal);
            Assert.DoesNotContain("owner@example.com", line, StringComparison.Ordinal);
        });
        Assert.Contains(serial, context.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_ResultUsesCamelCaseAndOmitsNulls()
    {
        var function = IotRegistryFunction.Create(table.Environment());

        var bytes = await function.InvokeAsync("{\"operation\":\"nope\"}"u8.ToArray(), new RecordingLambdaContext());

        using var json = JsonDocument.Parse(bytes);
        Assert.Equal(["operation", "outcome", "status", "error", "field", "message"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("unknown_operation", json.RootElement.GetProperty("error").GetString());
        Assert.Equal("The field 'operation' must be 'register' or 'activate'.", json.RootElement.GetProperty("message").GetString());
    }
}
