using LambdaSuite.Runtime;

namespace DnsMirror.Tests.Sync;

public sealed class DnsMirrorFunctionReadRequestTests
{
    [Fact]
    public void ReadRequest_ScheduledEventWithDetail_ReadsZoneSettings()
    {
        var json = File.ReadAllBytes(Path.Combine("TestData", "Events", "scheduled-example-test.json"));

        var request = DnsMirrorFunction.ReadRequest(json);

        Assert.Equal("example.test", request.Domain);
        Assert.Equal("/hostedzone/Z0E2E", request.ZoneId);
        Assert.Equal(50, request.MaxDeletePercent);
        Assert.False(request.AllZones);
    }

    [Fact]
    public void ReadRequest_ScheduledEventWithEmptyDetail_MeansAllZones()
    {
        var json = File.ReadAllBytes(Path.Combine("TestData", "Events", "scheduled-empty-detail.json"));

        var request = DnsMirrorFunction.ReadRequest(json);

        Assert.True(request.AllZones);
        Assert.Null(request.Domain);
    }

    [Fact]
    public void ReadRequest_DirectInput_ReadsPropertiesCaseInsensitively()
    {
        var request = DnsMirrorFunction.ReadRequest("""{"domain":"example.test","masters":["127.0.0.1:53"],"zoneId":"Z1","ignoreTTL":true,"dryRun":true}"""u8);

        Assert.Equal(["127.0.0.1:53"], request.Masters);
        Assert.True(request.IgnoreTTL);
        Assert.True(request.DryRun);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"Records":[{"EventSource":"aws:sns","Sns":{"Message":"x"}}]}""")]
    [InlineData("""{"Domain":5}""")]
    public void ReadRequest_OtherInput_ThrowsEventException(string json)
    {
        Assert.Throws<LambdaEventException>(() => DnsMirrorFunction.ReadRequest(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>
    /// Issue 16, item 5: the shared detector decides a records event by its first record and reads no further, so a
    /// queue's event is refused by its shape (with what to do) even when its later records are broken.
    /// </summary>
    [Fact]
    public void ReadRequest_RecordsEventBrokenAfterFirstRecord_RefusedByItsShapeNotAsNotJson()
    {
        var json = """{"Records":[{"eventSource":"aws:sqs","body":"x"},{"eventSource":"aws:sqs","bo"""u8.ToArray();

        var error = Assert.Throws<LambdaEventException>(() => DnsMirrorFunction.ReadRequest(json));

        Assert.Equal("DnsMirror does not take Sqs events; schedule it with EventBridge.", error.Message);
    }
}
