using System.Net;
using DnsMirror.State;
using DnsMirror.Tests.Support;
using DnsMirror.Wire;
using LambdaSuite.Data.DnsMirror;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit.Dynamo;

namespace DnsMirror.Tests.State;

/// <summary>The stored records in DynamoDB Local: chunked over several items, checked by digest, kept out of the zone listing.</summary>
[Trait("Category", "Integration")]
public sealed class ZoneStateRepositoryIntegrationTests : IAsyncLifetime
{
    private const string Zone = "big.test.";
    private DnsMirrorZoneStore _store = null!;

    public async Task InitializeAsync() =>
        _store = new DnsMirrorZoneStore(LocalDynamoDb.CreateClient(), await LocalDynamoDb.CreateUniqueTableAsync(LocalDynamoDb.CreateClient(), TableCatalog.DnsMirrorZones));

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Records with random addresses and names, so the compressed form needs several chunks.</summary>
    private static List<DnsResourceRecord> Records(int count)
    {
        var random = new Random(7);
        var records = new List<DnsResourceRecord> { Rr.Soa(Zone, 5) };
        for (var i = 0; i < count; i++)
        {
            records.Add(Rr.A($"h{random.NextInt64():x}.{Zone}", new IPAddress(random.Next()).ToString()));
        }

        return records;
    }

    private async Task<DnsMirrorZoneState> SaveAsync(List<DnsResourceRecord> records)
    {
        var row = new DnsMirrorZoneState { Zone = Zone, LastSerial = 5, Outcome = "Synced", LastRunAt = DateTimeOffset.UtcNow };
        var saved = await new ZoneStateRepository(_store).SaveAsync(row, 5, MirroredZoneCodec.Encode(Zone, 5, null, records, records.Count), CancellationToken.None);
        await _store.RecordRunAsync(saved, 0);
        return (await _store.GetAsync(Zone))!;
    }

    [Fact]
    public async Task LoadAsync_SavedOverSeveralChunks_RoundTripsAndListingShowsOnlyTheZoneRow()
    {
        var records = Records(60_000);
        var row = await SaveAsync(records);

        var (zone, reason) = await new ZoneStateRepository(_store).LoadAsync(row, CancellationToken.None);
        var rows = await _store.ListAsync();

        Assert.True(row.StateChunks > 1, $"{row.StateChunks} chunk(s)");
        Assert.True(zone is not null, reason);
        Assert.Equal(records.Count, zone.RecordCount);
        Assert.Equal([Zone], rows.Select(r => r.Zone));
    }

    [Fact]
    public async Task LoadAsync_DigestDoesNotMatch_NoStateWithReason()
    {
        var row = await SaveAsync(Records(100));

        var (zone, reason) = await new ZoneStateRepository(_store).LoadAsync(row with { StateDigest = "00" }, CancellationToken.None);

        Assert.Null(zone);
        Assert.Contains("digest", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_StoredAtAnotherSerial_NoState()
    {
        var row = await SaveAsync(Records(10));

        var (zone, reason) = await new ZoneStateRepository(_store).LoadAsync(row with { LastSerial = 6 }, CancellationToken.None);

        Assert.Null(zone);
        Assert.Contains("serial 5", reason, StringComparison.Ordinal);
    }
}
