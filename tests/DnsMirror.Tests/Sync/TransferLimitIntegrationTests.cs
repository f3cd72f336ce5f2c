using DnsMirror.Tests.Support;
using DnsMirror.Wire;
using LambdaSuite.TestKit.Runtime;

namespace DnsMirror.Tests.Sync;

/// <summary>
/// An all-zones run where one zone's master never ends its transfer: that zone fails with the limit's message and
/// keeps its serial, and example.test (from the stack's BIND primary) is still mirrored.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TransferLimitIntegrationTests
{
    private const string Endless = "endless.test.";

    [Fact]
    public async Task InvokeAsync_OneMasterNeverEnds_ThatZoneFailsAtTheLimitOthersSync()
    {
        await using var harness = await MirrorHarness.StartAsync(new Dictionary<string, string> { ["DNS_MIRROR_MAX_TRANSFER_RECORDS"] = "5000" });
        await using var master = new EndlessDnsServer(Endless, 9, (id, n) =>
            TestMessages.Response(id, Endless, DnsRecordType.AXFR, [.. Enumerable.Range(0, 100).Select(i => Rr.A($"h{n}-{i}.{Endless}", "192.0.2.1"))], withQuestion: false));
        await harness.Store.PutConfigAsync(Endless, $$"""{"ZoneId":"Z0E2E","Masters":["{{master.Address}}"]}""");
        await harness.Store.PutConfigAsync("example.test.", """{"ZoneId":"Z0E2E","MaxDeletePercent":100}""");

        var error = await Assert.ThrowsAsync<DnsMirrorRunException>(() => harness.NewFunction().InvokeAsync("""{"AllZones":true}"""u8.ToArray(), new TestLambdaContext()));

        Assert.StartsWith("1 of 2 zone(s) failed: endless.test.", error.Message, StringComparison.Ordinal);
        Assert.Contains("stopped at 5001 records, above the limit of 5000 (DNS_MIRROR_MAX_TRANSFER_RECORDS)", error.Message, StringComparison.Ordinal);
        var endless = await harness.Store.GetAsync(Endless);
        Assert.Equal(("Failed", (uint?)null, (string?)null), (endless!.Outcome, endless.LastSerial, endless.LeaseOwner));
        Assert.Contains("DNS_MIRROR_MAX_TRANSFER_RECORDS", endless.LastError, StringComparison.Ordinal);
        var example = await harness.Store.GetAsync("example.test.");
        Assert.Equal("Synced", example!.Outcome);
        Assert.NotNull(example.LastSerial);
    }
}
