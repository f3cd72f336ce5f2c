using Amazon.DynamoDBv2.Model;
using LambdaSuite.Data.DnsMirror;
using A = LambdaSuite.Data.DnsMirror.DnsMirrorZoneAttributes;

namespace Shared.Tests.Data.DnsMirror;

public sealed class DnsMirrorZoneMapperTests
{
    [Fact]
    public void StateValues_ThenFromItem_RoundTripsEveryField()
    {
        var state = new DnsMirrorZoneState
        {
            Zone = "example.test.",
            LastSerial = 4294967295,
            LastRunAt = new DateTimeOffset(2026, 11, 22, 2, 0, 0, 123, TimeSpan.Zero),
            Outcome = "Failed",
            Changes = 12,
            Batches = 2,
            LastError = "TimeoutException: still PENDING",
            Master = "192.0.2.1:53",
        };
        var item = DnsMirrorZoneMapper.StateValues(state);
        item[A.Zone] = new AttributeValue { S = state.Zone };
        item[A.Version] = new AttributeValue { N = "7" };

        var read = DnsMirrorZoneMapper.FromItem(item);

        Assert.Equal(state with { Version = 7 }, read);
    }

    [Fact]
    public void StateValues_NoSerialNoError_LeavesThoseAttributesOut()
    {
        var values = DnsMirrorZoneMapper.StateValues(new DnsMirrorZoneState { Zone = "example.test.", Outcome = "DryRun" });

        Assert.DoesNotContain(A.LastSerial, values.Keys);
        Assert.DoesNotContain(A.LastError, values.Keys);
        Assert.Equal("DryRun", values[A.Outcome].S);
    }

    [Fact]
    public void StateValues_StoredRecordsPointer_RoundTrips()
    {
        var state = new DnsMirrorZoneState { Zone = "example.test.", Outcome = "Synced", LastSerial = 9, StateSlot = "b", StateChunks = 3, StateSerial = 9, StateDigest = "ab12" };
        var item = DnsMirrorZoneMapper.StateValues(state);
        item[A.Zone] = new AttributeValue { S = state.Zone };

        var read = DnsMirrorZoneMapper.FromItem(item);

        Assert.Equal(("b", 3, 9u, "ab12"), (read.StateSlot, read.StateChunks, read.StateSerial, read.StateDigest));
    }

    [Fact]
    public void StateValues_NoStoredRecords_LeavesThePointerAsItWas()
    {
        var values = DnsMirrorZoneMapper.StateValues(new DnsMirrorZoneState { Zone = "example.test.", Outcome = "Synced", LastSerial = 9, StateChunks = 2 });

        Assert.DoesNotContain(A.StateSlot, values.Keys);
        Assert.DoesNotContain(A.StateChunks, values.Keys);
        Assert.DoesNotContain(A.StateSerial, values.Keys);
    }

    [Fact]
    public void FromItem_NoZoneKey_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => DnsMirrorZoneMapper.FromItem(new Dictionary<string, AttributeValue> { [A.Outcome] = new() { S = "Synced" } }));
    }

    [Fact]
    public void FromItem_LeaseAttributes_ReadAsOwnerAndExpiry()
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [A.Zone] = new() { S = "example.test." },
            [A.LeaseOwner] = new() { S = "3f1c" },
            [A.LeaseExpiresAt] = new() { N = "1795312800123" },
        };

        var read = DnsMirrorZoneMapper.FromItem(item);

        Assert.Equal(("3f1c", DateTimeOffset.FromUnixTimeMilliseconds(1795312800123)), (read.LeaseOwner, read.LeaseExpiresAt));
        Assert.DoesNotContain(A.LeaseOwner, DnsMirrorZoneMapper.StateValues(read).Keys);
    }
}
