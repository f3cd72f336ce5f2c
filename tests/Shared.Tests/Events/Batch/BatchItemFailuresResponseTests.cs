using System.Text.Json;
using LambdaSuite.Events;
using LambdaSuite.Events.Batch;

namespace Shared.Tests.Events.Batch;

public class BatchItemFailuresResponseTests
{
    [Fact]
    public void Serialize_TwoFailures_WritesDocumentedShape()
    {
        var response = BatchItemFailuresResponse.For(["m-1", "m-2"]);

        var json = JsonSerializer.Serialize(response, EventsJsonContext.Default.BatchItemFailuresResponse);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m-1"},{"itemIdentifier":"m-2"}]}""", json);
    }

    [Fact]
    public void Serialize_NoFailures_WritesEmptyList()
    {
        var response = BatchItemFailuresResponse.For([]);

        var json = JsonSerializer.Serialize(response, EventsJsonContext.Default.BatchItemFailuresResponse);

        Assert.Equal("""{"batchItemFailures":[]}""", json);
    }

    [Fact]
    public void Deserialize_Documented_RoundTrips()
    {
        var json = """{"batchItemFailures":[{"itemIdentifier":"49590338271490256608559692538361571095921575989136588898"}]}"""u8;

        var response = JsonSerializer.Deserialize(json, EventsJsonContext.Default.BatchItemFailuresResponse)!;

        Assert.Equal("49590338271490256608559692538361571095921575989136588898", Assert.Single(response.BatchItemFailures).ItemIdentifier);
    }
}
