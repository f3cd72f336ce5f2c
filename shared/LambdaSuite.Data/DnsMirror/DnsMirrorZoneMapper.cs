using Amazon.DynamoDBv2.Model;
using A = LambdaSuite.Data.DnsMirror.DnsMirrorZoneAttributes;
using static LambdaSuite.Data.ItemAttributes;

namespace LambdaSuite.Data.DnsMirror;

/// <summary>Maps <see cref="DnsMirrorZoneState"/> to and from DynamoDB items.</summary>
public static class DnsMirrorZoneMapper
{
    public static DnsMirrorZoneState FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new DnsMirrorZoneState
        {
            Zone = item.TryGetValue(A.Zone, out var zone) ? zone.S : throw new FormatException($"item has no '{A.Zone}' attribute"),
            Config = String(item, A.Config),
            Version = Number(item, A.Version) ?? 0,
            LastSerial = Number(item, A.LastSerial) is { } serial ? checked((uint)serial) : null,
            LastRunAt = String(item, A.LastRunAt) is { } at ? DynamoTime.Parse(at) : null,
            Outcome = String(item, A.Outcome),
            Changes = (int)(Number(item, A.Changes) ?? 0),
            Batches = (int)(Number(item, A.Batches) ?? 0),
            LastError = String(item, A.LastError),
            Master = String(item, A.Master),
            StateSlot = String(item, A.StateSlot),
            StateChunks = (int)(Number(item, A.StateChunks) ?? 0),
            StateSerial = Number(item, A.StateSerial) is { } stateSerial ? checked((uint)stateSerial) : null,
            StateDigest = String(item, A.StateDigest),
            LeaseOwner = String(item, A.LeaseOwner),
            LeaseExpiresAt = Number(item, A.LeaseExpiresAt) is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(expires) : null,
        };
    }

    /// <summary>The state attributes a sync writes (never the key, config, version or lease); the stored records' pointer only when the run saved them.</summary>
    public static Dictionary<string, AttributeValue> StateValues(DnsMirrorZoneState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [A.Outcome] = S(state.Outcome ?? "Unknown"),
            [A.Changes] = N(state.Changes),
            [A.Batches] = N(state.Batches),
        };
        if (state.LastRunAt is { } at)
        {
            values[A.LastRunAt] = S(DynamoTime.Format(at));
        }

        if (state.LastSerial is { } serial)
        {
            values[A.LastSerial] = N(serial);
        }

        if (state.StateSlot is not null && state.StateSerial is { } stateSerial)
        {
            values[A.StateSlot] = S(state.StateSlot);
            values[A.StateChunks] = N(state.StateChunks);
            values[A.StateSerial] = N(stateSerial);
            PutIfPresent(values, A.StateDigest, state.StateDigest);
        }

        PutIfPresent(values, A.LastError, state.LastError);
        PutIfPresent(values, A.Master, state.Master);
        return values;
    }
}
