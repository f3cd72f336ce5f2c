using IotRegistry.Tests.Support;
using LambdaSuite.TestKit.Devices;

namespace IotRegistry.Tests.Http;

/// <summary>The HTTP door where the answer depends on the server: a missing table.</summary>
[Trait("Category", "Integration")]
public sealed class DeviceHttpApiDynamoDbTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>
{
    private const string Code = "Q7K2-M9XP-4TWZ";

    [Fact]
    public async Task Activation_TableMissing_500WithoutDetailsAndFaultLogged()
    {
        var broken = IotRegistryFunction.Create(table.Environment(("IOT_CATALOG_TABLE", "no-such-table-" + Guid.NewGuid().ToString("N"))));
        var context = new RecordingLambdaContext();

        var answer = HttpAnswer.Parse(await broken.InvokeAsync(HttpEvents.Build(HttpEvents.ApiGatewayV2, "POST", "/devices/SN-1/c1/activation", HttpEvents.ActivationBody(Code)), context));

        Assert.Equal((500, "internal_error"), (answer.StatusCode, answer.Error));
        Assert.DoesNotContain("no-such-table", answer.Body, StringComparison.Ordinal);
        Assert.Contains(context.Lines, line => line.StartsWith("Error http fault", StringComparison.Ordinal) && line.Contains("ResourceNotFound", StringComparison.Ordinal));
        Assert.All(context.Lines, line => Assert.DoesNotContain(Code, line, StringComparison.Ordinal));
    }
}
