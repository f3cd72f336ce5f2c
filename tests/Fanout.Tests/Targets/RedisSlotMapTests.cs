using Fanout.Targets;

namespace Fanout.Tests.Targets;

/// <summary>Reading CLUSTER SLOTS answers (as <see cref="RedisReply"/> returns them) and MOVED/ASK redirections.</summary>
public sealed class RedisSlotMapTests
{
    [Fact]
    public void FromClusterSlots_ThreeMastersWithReplicasAndMetadata_MapsEachRangeToItsMaster()
    {
        // Redis 7 shape: [start, end, [host, port, id, metadata], replica...].
        var reply = new List<object?>
        {
            Range(0, 5460, Master("10.0.0.1", 6379), Master("10.0.0.9", 6379)),
            Range(5461, 10922, Master("10.0.0.2", 6379)),
            Range(10923, 16383, Master("10.0.0.3", 6380)),
        };

        var map = RedisSlotMap.FromClusterSlots(reply, "seed");

        Assert.Equal(("10.0.0.1", 6379), map.Nodes[map.NodeOf(0)]);
        Assert.Equal(("10.0.0.1", 6379), map.Nodes[map.NodeOf(5460)]);
        Assert.Equal(("10.0.0.2", 6379), map.Nodes[map.NodeOf(5461)]);
        Assert.Equal(("10.0.0.3", 6380), map.Nodes[map.NodeOf(16383)]);
        Assert.Equal(3, map.Nodes.Count); // the replica is not a write target
    }

    [Fact]
    public void FromClusterSlots_UncoveredSlotAndUnknownHost_NoNodeAndTheSeedHost()
    {
        var reply = new List<object?> { Range(0, 99, Master("", 7000)), Range(200, 16383, Master("?", 7001)) };

        var map = RedisSlotMap.FromClusterSlots(reply, "clustercfg.example");

        Assert.Equal(("clustercfg.example", 7000), map.Nodes[map.NodeOf(50)]);
        Assert.Equal(-1, map.NodeOf(150));
        Assert.Equal(("clustercfg.example", 7001), map.Nodes[map.NodeOf(200)]);
    }

    [Theory]
    [MemberData(nameof(BadReplies))]
    public void FromClusterSlots_NotASlotTable_ThrowsInvalidData(object? reply)
    {
        Assert.Throws<InvalidDataException>(() => RedisSlotMap.FromClusterSlots(reply, "seed"));
    }

    public static TheoryData<object?> BadReplies() => new()
    {
        null,
        "OK",
        new List<object?> { new List<object?> { 0L, 16384L, Master("h", 1) } }, // slot out of range
        new List<object?> { new List<object?> { 10L, 5L, Master("h", 1) } }, // start after end
        new List<object?> { new List<object?> { 0L, 10L, new List<object?> { "h" } } }, // no port
        new List<object?> { new List<object?> { 0L, 10L, Master("h", 70000) } }, // port out of range
    };

    [Theory]
    [InlineData("MOVED 3999 127.0.0.1:6381", 3999, "127.0.0.1", 6381)]
    [InlineData("ASK 16383 node-2.example:7000", 16383, "node-2.example", 7000)]
    [InlineData("MOVED 12 ::1:6379", 12, "::1", 6379)]
    [InlineData("MOVED 12 :6379", 12, "", 6379)]
    public void TryParseRedirect_Redirection_SlotHostAndPort(string error, int slot, string host, int port)
    {
        var parsed = RedisSlotMap.TryParseRedirect(error, out var s, out var h, out var p);

        Assert.True(parsed);
        Assert.Equal((slot, host, port), (s, h, p));
    }

    [Theory]
    [InlineData("MOVED 16384 127.0.0.1:6381")]
    [InlineData("MOVED x 127.0.0.1:6381")]
    [InlineData("MOVED 1 127.0.0.1")]
    [InlineData("MOVED 1")]
    public void TryParseRedirect_Malformed_False(string error)
    {
        Assert.False(RedisSlotMap.TryParseRedirect(error, out _, out _, out _));
    }

    private static List<object?> Master(string host, long port) => [host, port, "0123456789abcdef", new List<object?>()];

    private static List<object?> Range(long start, long end, params List<object?>[] nodes) => [start, end, .. nodes];
}
