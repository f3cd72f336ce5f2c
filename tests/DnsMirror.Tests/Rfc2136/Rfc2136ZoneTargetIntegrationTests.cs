using DnsMirror.Diff;
using DnsMirror.Rfc2136;
using DnsMirror.Transfer;
using DnsMirror.Tsig;
using DnsMirror.Wire;
using LambdaSuite.TestKit;

namespace DnsMirror.Tests.Rfc2136;

/// <summary>Mirrors the BIND primary's zones into the secondary-site BIND through signed UPDATEs.</summary>
[Trait("Category", "Integration")]
public sealed class Rfc2136ZoneTargetIntegrationTests
{
    private static ZoneTransferClient Client(string masters, TsigKey? key) => new(new ZoneTransferOptions
    {
        Masters = DnsMaster.ParseList(masters),
        Key = key,
        AttemptTimeout = TimeSpan.FromSeconds(10),
        Deadline = TimeSpan.FromSeconds(30),
    });

    [Fact]
    public async Task ApplyAsync_ExampleZone_SecondaryMatchesSourceAndCarriesItsSerial()
    {
        var key = TsigKey.Parse(LocalStack.DnsTsigKey);
        var source = await Client(LocalStack.DnsPrimary, null).TransferAsync("example.test");
        var secondary = Client(LocalStack.DnsSecondary, key);
        var target = new Rfc2136ZoneTarget(secondary);
        var plan = await target.PlanAsync(source, planOptions: new PlanOptions { Force = true });

        await target.ApplyAsync(plan, dryRun: false, TextWriter.Null);

        var after = await secondary.TransferAsync("example.test");
        var replan = Rfc2136Differ.Plan(source, after);
        Assert.Empty(replan.Adds);
        Assert.Empty(replan.Deletes);
        Assert.Null(replan.SerialRecord);
        Assert.Equal(source.Serial, after.Serial);
        Assert.Contains(after.Records, r => r.Name == "*.example.test." && r.Type == DnsRecordType.A);
        Assert.Contains(after.Records, r => r.Name == "ns1.sub.example.test." && r.Type == DnsRecordType.AAAA);
    }

    [Fact]
    public async Task ApplyAsync_RecordGoneFromSource_DeletesOnlyWhenAllowed()
    {
        var key = TsigKey.Parse(LocalStack.DnsTsigKey);
        var full = await Client(LocalStack.DnsPrimary, null).TransferAsync("2.0.192.in-addr.arpa");
        var secondary = Client(LocalStack.DnsSecondary, key);
        var target = new Rfc2136ZoneTarget(secondary);
        await target.ApplyAsync(await target.PlanAsync(full), dryRun: false, TextWriter.Null);
        var reduced = full with { Records = full.Records.Where(r => r.Name != "81.2.0.192.in-addr.arpa.").ToList() };

        var refused = await target.PlanAsync(reduced);
        var dryRunLog = new StringWriter();
        await target.ApplyAsync(await target.PlanAsync(reduced, planOptions: new PlanOptions { Force = true }), dryRun: true, dryRunLog);
        var afterDryRun = await secondary.TransferAsync("2.0.192.in-addr.arpa");
        await target.ApplyAsync(await target.PlanAsync(reduced, planOptions: new PlanOptions { Force = true }), dryRun: false, TextWriter.Null);
        var after = await secondary.TransferAsync("2.0.192.in-addr.arpa");

        Assert.True(refused.IsRefused);
        Assert.Contains("DELETE 81.2.0.192.in-addr.arpa.", dryRunLog.ToString(), StringComparison.Ordinal);
        Assert.Contains(afterDryRun.Records, r => r.Name == "81.2.0.192.in-addr.arpa.");
        Assert.DoesNotContain(after.Records, r => r.Name == "81.2.0.192.in-addr.arpa.");
        Assert.Contains(after.Records, r => r.Name == "80.2.0.192.in-addr.arpa.");
        await target.ApplyAsync(await target.PlanAsync(full), dryRun: false, TextWriter.Null);
    }
}
