using System.Text;
using Fanout.Targets;

namespace Fanout.Tests.Targets;

/// <summary>The hash slot function against the Redis Cluster specification's values and redis-server 7's CLUSTER KEYSLOT.</summary>
public sealed class RedisSlotTests
{
    [Fact]
    public void Crc16_SpecificationTestVector_Is31C3()
    {
        var crc = RedisSlot.Crc16("123456789"u8);

        Assert.Equal(0x31C3, crc);
    }

    [Theory]
    [InlineData("foo", 12182)]
    [InlineData("123456789", 12739)]
    [InlineData("", 0)]
    [InlineData("user1000", 3443)]
    [InlineData("{user1000}.following", 3443)] // the tag alone is hashed
    [InlineData("{user1000}.followers", 3443)]
    [InlineData("foo{bar}{zap}", 5061)] // the first tag only: "bar"
    [InlineData("foo{}{bar}", 8363)] // an empty first tag: the whole key
    [InlineData("foo{{bar}}zap", 4015)] // from the first '{' to the first '}' after it: "{bar"
    [InlineData("{bar", 4015)] // no closing brace: the whole key
    public void Of_Key_MatchesClusterKeySlot(string key, int expected)
    {
        var slot = RedisSlot.Of(Encoding.UTF8.GetBytes(key));

        Assert.Equal(expected, slot);
    }

    [Fact]
    public void Of_AnyKey_IsBelow16384()
    {
        var slots = Enumerable.Range(0, 5000).Select(i => RedisSlot.Of(Encoding.UTF8.GetBytes("key-" + i))).ToList();

        Assert.All(slots, s => Assert.InRange(s, 0, RedisSlot.Count - 1));
        Assert.True(slots.Distinct().Count() > 4000, "5,000 keys should spread over thousands of slots");
    }
}
