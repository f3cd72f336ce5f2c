using System.Text;
using Fanout.Delivery;
using Fanout.Targets;
using LambdaSuite.Data.Fanout;
using LambdaSuite.TestKit;

namespace Fanout.Tests.Integration;

/// <summary>
/// The Redis destination against the local stack's three-master cluster (<c>SUITE_REDIS_CLUSTER</c>). What arrived is
/// read back from each node with redis-cli, which does not follow redirections, so a key found on a node is really
/// stored there. Slots are moved by hand as <c>redis-cli --cluster reshard</c> would; each test uses its own hash tag,
/// so its slot holds only its own keys. One class: the tests run one after another on the shared cluster.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RedisClusterTests
{
    private readonly RedisClusterAdmin _cluster = RedisClusterAdmin.FromSeeds(LocalStack.RedisCluster);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task SendAsync_KeysOnAllThreeMasters_EveryValueStoredOnItsSlotsMaster()
    {
        var keys = Enumerable.Range(0, 60).Select(i => $"k{i}").ToList();
        await using var sender = Sender($"fanout-cluster-{_run}:");
        var entries = keys.Select((k, i) => Message(i, k, "v" + i)).Append(Message(60, "k0", "latest")).ToList();

        var failures = await SendAsync(sender, entries);

        Assert.Empty(failures);
        Assert.True(sender.IsCluster);
        var owners = new HashSet<int>();
        for (var i = 0; i < keys.Count; i++)
        {
            var key = $"fanout-cluster-{_run}:{keys[i]}";
            var owner = await _cluster.OwnerOfAsync(await RedisClusterAdmin.SlotOfAsync(_cluster.Ports[0], key));
            owners.Add(owner);
            Assert.Equal(i == 0 ? "latest" : "v" + i, await RedisClusterAdmin.GetAsync(owner, key));
            var other = _cluster.Ports.First(p => p != owner);
            Assert.StartsWith("MOVED", await RedisClusterAdmin.GetAsync(other, key), StringComparison.Ordinal);
        }

        Assert.Equal(3, owners.Count);
    }

    [Fact]
    public async Task SendAsync_SlotMovedAfterTheMapWasRead_FollowsMovedOnceThenSendsStraightThere()
    {
        var prefix = $"{{fanout-moved-{_run}}}:";
        await using var sender = Sender(prefix);
        Assert.Empty(await SendAsync(sender, [Message(0, "a", "1")]));
        var slot = await RedisClusterAdmin.SlotOfAsync(_cluster.Ports[0], prefix + "a");
        var from = await _cluster.OwnerOfAsync(slot);
        var to = _cluster.Ports.First(p => p != from);
        await _cluster.MoveSlotAsync(slot, from, to);
        var movedBefore = await RedisClusterAdmin.ErrorCountAsync(from, "MOVED");

        var failures = await SendAsync(sender, [Message(0, "a", "2"), Message(1, "b", "3")]);
        var movedAfterFirst = await RedisClusterAdmin.ErrorCountAsync(from, "MOVED");
        var again = await SendAsync(sender, [Message(0, "c", "4")]);

        Assert.Empty(failures);
        Assert.Empty(again);
        Assert.Equal(to, await _cluster.OwnerOfAsync(slot));
        Assert.Equal("2", await RedisClusterAdmin.GetAsync(to, prefix + "a"));
        Assert.Equal("3", await RedisClusterAdmin.GetAsync(to, prefix + "b"));
        Assert.Equal("4", await RedisClusterAdmin.GetAsync(to, prefix + "c"));
        Assert.Equal(0, await RedisClusterAdmin.CountKeysInSlotAsync(from, slot));
        Assert.Equal(2, movedAfterFirst - movedBefore); // one per pipelined SET of the moved slot
        Assert.Equal(movedAfterFirst, await RedisClusterAdmin.ErrorCountAsync(from, "MOVED")); // the map was updated
    }

    [Fact]
    public async Task SendAsync_SlotMigratingDuringDelivery_AskFollowedNothingLostNothingLeftBehind()
    {
        var prefix = $"{{fanout-ask-{_run}}}:";
        var keys = Enumerable.Range(0, 13).Select(i => $"k{i}").ToList();
        await using var sender = Sender(prefix);
        Assert.Empty(await SendAsync(sender, [.. keys.Take(10).Select((k, i) => Message(i, k, "old"))]));
        var slot = await RedisClusterAdmin.SlotOfAsync(_cluster.Ports[0], prefix + "k0");
        var from = await _cluster.OwnerOfAsync(slot);
        var to = _cluster.Ports.First(p => p != from);
        await RedisClusterAdmin.StartMigrationAsync(slot, from, to);
        await RedisClusterAdmin.MigrateKeysAsync(slot, from, to, [.. keys.Take(5).Select(k => prefix + k)]);
        var askBefore = await RedisClusterAdmin.ErrorCountAsync(from, "ASK");

        // k0-k4 moved already and k10-k11 are new: the source answers ASK; k5-k9 it still holds and takes itself.
        var failures = await SendAsync(sender, [.. keys.Take(12).Select((k, i) => Message(i, k, "new"))]);
        var askAfterBatch = await RedisClusterAdmin.ErrorCountAsync(from, "ASK");
        var later = await SendAsync(sender, [Message(0, "k12", "new")]);
        var askAfterLater = await RedisClusterAdmin.ErrorCountAsync(from, "ASK");
        await RedisClusterAdmin.MigrateKeysAsync(slot, from, to);
        await _cluster.FinishMigrationAsync(slot, to);

        Assert.Empty(failures);
        Assert.Empty(later);
        Assert.Equal(7, askAfterBatch - askBefore);
        Assert.Equal(1, askAfterLater - askAfterBatch); // ASK left the map alone: the source is asked first again
        foreach (var key in keys)
        {
            Assert.Equal("new", await RedisClusterAdmin.GetAsync(to, prefix + key));
        }

        Assert.Equal(0, await RedisClusterAdmin.CountKeysInSlotAsync(from, slot));
        Assert.Equal(keys.Count, await RedisClusterAdmin.CountKeysInSlotAsync(to, slot));
    }

    private static RedisSender Sender(string prefix)
    {
        var target = new FanoutTarget
        {
            SourceArn = StreamEvents.SourceArn,
            Id = "redis-cluster",
            Type = FanoutTargetType.Redis,
            Destination = "redis://" + LocalStack.RedisCluster.Split(',')[0],
            Active = true,
            KeyPrefix = prefix,
        };
        return new RedisSender(RedisSender.Connect(target), target);
    }

    private static Task<IReadOnlyList<EntryFailure>> SendAsync(RedisSender sender, IReadOnlyList<OutgoingMessage> entries) =>
        sender.SendAsync(entries, DateTimeOffset.UtcNow.AddSeconds(30), CancellationToken.None);

    private static OutgoingMessage Message(int index, string key, string body) => new(index, 1, Encoding.UTF8.GetBytes(body), key, null, "id-" + index);
}
