using System.Text;
using Fanout.Kpl;
using LambdaSuite.Harness.Kpl;

namespace Fanout.Tests.Kpl;

public class KplAggregateTests
{
    private static readonly KplRecord[] s_users =
    [
        new("key-a", null, "first"u8.ToArray()),
        new("key-b", "170141183460469231731687303715884105728", "second"u8.ToArray()),
        new("key-a", null, Array.Empty<byte>()),
    ];

    [Fact]
    public void Deaggregate_AggregateFromAggregator_ReturnsUserRecordsInOrder()
    {
        var aggregate = KplAggregator.Aggregate(s_users);
        var output = new List<KplUserRecord>();

        KplAggregate.Deaggregate(aggregate, "outer", null, output);

        Assert.Equal(["key-a", "key-b", "key-a"], output.Select(r => r.PartitionKey));
        Assert.Equal(["first", "second", ""], output.Select(r => Encoding.UTF8.GetString(r.Data.Span)));
        Assert.Equal([null, "170141183460469231731687303715884105728", null], output.Select(r => r.ExplicitHashKey));
    }

    [Fact]
    public void Deaggregate_HandWrittenAggregate_ReadsFieldsAndSkipsTags()
    {
        // F3 89 9A C2 | pk table "k" | record { pk index 0, data "hi", tag { key "t" } } | MD5
        byte[] message =
        [
            0x0A, 0x01, (byte)'k',                         // field 1 (partition key table), length 1, "k"
            0x1A, 0x0B,                                    // field 3 (record), length 11
            0x08, 0x00,                                    //   field 1 (partition key index) = 0
            0x1A, 0x02, (byte)'h', (byte)'i',              //   field 3 (data), length 2, "hi"
            0x22, 0x03, 0x0A, 0x01, (byte)'t',             //   field 4 (tag), length 3: key "t" (skipped)
        ];
        var aggregate = KplAggregate.Magic.ToArray().Concat(message).Concat(System.Security.Cryptography.MD5.HashData(message)).ToArray();
        var output = new List<KplUserRecord>();

        KplAggregate.Deaggregate(aggregate, "outer", null, output);

        var record = Assert.Single(output);
        Assert.Equal("k", record.PartitionKey);
        Assert.Equal("hi", Encoding.UTF8.GetString(record.Data.Span));
    }

    [Fact]
    public void Deaggregate_PlainRecord_PassesThroughWithOuterKey()
    {
        var output = new List<KplUserRecord>();

        KplAggregate.Deaggregate("{\"plain\":true}"u8.ToArray(), "outer", "42", output);

        var record = Assert.Single(output);
        Assert.Equal("outer", record.PartitionKey);
        Assert.Equal("42", record.ExplicitHashKey);
    }

    [Fact]
    public void Deaggregate_DigestMismatch_ThrowsWithOffset()
    {
        var aggregate = KplAggregator.Aggregate(s_users);
        aggregate[^1] ^= 0xFF;

        var error = Assert.Throws<KplFormatException>(() => KplAggregate.Deaggregate(aggregate, "outer", null, []));

        Assert.Contains("MD5", error.Message, StringComparison.Ordinal);
        Assert.Equal(aggregate.Length - KplAggregate.DigestLength, error.Offset);
    }

    [Fact]
    public void Deaggregate_CutAtEveryLength_FailsCleanlyOrPassesThrough()
    {
        var aggregate = KplAggregator.Aggregate(s_users);

        for (var length = 0; length < aggregate.Length; length++)
        {
            var cut = aggregate[..length];
            var output = new List<KplUserRecord>();
            try
            {
                KplAggregate.Deaggregate(cut, "outer", null, output);
                // Only a prefix shorter than the magic can read as a plain record.
                Assert.True(length < KplAggregate.Magic.Length, $"length {length} was accepted");
                Assert.Single(output);
            }
            catch (KplFormatException)
            {
                Assert.Empty(output);
            }
        }
    }

    [Fact]
    public void Deaggregate_ValidDigestButIndexOutOfTable_Throws()
    {
        byte[] message = [0x0A, 0x01, (byte)'k', 0x1A, 0x04, 0x08, 0x05, 0x1A, 0x00];
        var aggregate = KplAggregate.Magic.ToArray().Concat(message).Concat(System.Security.Cryptography.MD5.HashData(message)).ToArray();
        var output = new List<KplUserRecord>();

        Assert.Throws<KplFormatException>(() => KplAggregate.Deaggregate(aggregate, "outer", null, output));

        Assert.Empty(output);
    }
}
