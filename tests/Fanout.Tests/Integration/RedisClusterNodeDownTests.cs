using System.Text;
using Fanout.Delivery;
using Fanout.Metrics;
using Fanout.Records;
using Fanout.Targets;
using LambdaSuite.Data.Fanout;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Runtime;

namespace Fanout.Tests.Integration;

/// <summary>
/// A master of a private three-master cluster (<see cref="LoopbackRedisCluster"/>) dies between two calls: the entries
/// whose slots it served fail, as retryable entry failures for the engine, and every other entry is stored on its
/// master. The dead node is the seed too, so reading the map again has to fall back to a live node. Through the
/// engine, those records are retried until the attempts run out and then fail the batch from the first of them
/// (Lambda sends it again; an unreachable target is not the records' fault, so nothing goes to the dead-letter queue).
/// </summary>
[Trait("Category", "Integration")]
public sealed class RedisClusterNodeDownTests(LocalStackFixture stack) : IClassFixture<LocalStackFixture>
{
    [Fact]
    public async Task SendAsync_MasterDown_ItsEntriesFailRetryableTheOthersStored()
    {
        await using var cluster = await LoopbackRedisCluster.StartAsync();
        var admin = new RedisClusterAdmin(cluster.Ports);
        var target = Target(cluster.Ports[0]);
        await using var sender = new RedisSender(RedisSender.Connect(target), target);
        var keys = Enumerable.Range(0, 40).Select(i => $"k{i}").ToList();
        Assert.Empty(await sender.SendAsync(Messages(keys, "before"), Deadline(), CancellationToken.None));
        var owners = new List<int>();
        foreach (var key in keys)
        {
            owners.Add(await admin.OwnerOfAsync(await RedisClusterAdmin.SlotOfAsync(cluster.Ports[1], "down:" + key)));
        }

        cluster.Kill(0);
        var first = await sender.SendAsync(Messages(keys, "after"), Deadline(), CancellationToken.None);
        var second = await sender.SendAsync(Messages(keys, "again"), Deadline(), CancellationToken.None);

        var onDeadNode = Enumerable.Range(0, keys.Count).Where(i => owners[i] == cluster.Ports[0]).ToList();
        Assert.NotEmpty(onDeadNode);
        Assert.True(onDeadNode.Count < keys.Count);
        foreach (var failures in new[] { first, second })
        {
            Assert.Equal(onDeadNode, failures.Select(f => f.Position));
            Assert.All(failures, f => Assert.True(f.Retryable, f.Code + ": " + f.Message));
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (owners[i] != cluster.Ports[0])
            {
                Assert.Equal("again", await RedisClusterAdmin.GetAsync(owners[i], "down:" + keys[i]));
            }
        }
    }

    [Fact]
    public async Task DeliverAsync_MasterDown_BatchFailsFromItsFirstRecordOthersDelivered()
    {
        await using var cluster = await LoopbackRedisCluster.StartAsync();
        var admin = new RedisClusterAdmin(cluster.Ports);
        var target = Target(cluster.Ports[1]);
        var keys = Enumerable.Range(0, 30).Select(i => $"r{i}").ToList();
        var owners = new List<int>();
        foreach (var key in keys)
        {
            owners.Add(await admin.OwnerOfAsync(await RedisClusterAdmin.SlotOfAsync(cluster.Ports[1], "down:" + key)));
        }

        cluster.Kill(0);
        var logger = new RecordingLambdaLogger();
        await using var senders = new TargetSenderFactory(stack.Aws, TimeProvider.System);
        var engine = new FanoutEngine(senders, new DeliveryLedger(), stack.Aws.RetryPolicy, null);
        var batch = SourceReader.Read(StreamEvents.Kinesis(keys.Select(k => (k, Encoding.UTF8.GetBytes("v-" + k))))).Single();

        var result = await engine.DeliverAsync(batch, [target], DateTimeOffset.UtcNow.AddSeconds(20), logger, new FanoutMetrics(logger, TimeProvider.System), CancellationToken.None);

        var firstOnDeadNode = owners.IndexOf(cluster.Ports[0]);
        Assert.True(firstOnDeadNode >= 0);
        Assert.Equal(batch.SequenceNumbers[firstOnDeadNode], result.FailedSequenceNumber);
        Assert.Equal(0, result.DeadLettered);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(owners.Count(o => o != cluster.Ports[0]), outcome.Delivered);
        for (var i = 0; i < keys.Count; i++)
        {
            if (owners[i] != cluster.Ports[0])
            {
                Assert.Equal("v-" + keys[i], await RedisClusterAdmin.GetAsync(owners[i], "down:" + keys[i]));
            }
        }
    }

    private static FanoutTarget Target(int port) => new()
    {
        SourceArn = StreamEvents.SourceArn,
        Id = "redis-cluster-down",
        Type = FanoutTargetType.Redis,
        Destination = $"redis://127.0.0.1:{port}",
        Active = true,
        KeyPrefix = "down:",
    };

    private static List<OutgoingMessage> Messages(List<string> keys, string body) =>
        [.. keys.Select((k, i) => new OutgoingMessage(i, 1, Encoding.UTF8.GetBytes(body), k, null, "id-" + i))];

    private static DateTimeOffset Deadline() => DateTimeOffset.UtcNow.AddSeconds(30);
}
