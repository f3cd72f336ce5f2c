using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using A = LambdaSuite.Data.DnsMirror.DnsMirrorZoneAttributes;

namespace LambdaSuite.Data.DnsMirror;

/// <summary>
/// The per-zone lease: one run at a time applies to a zone's target. Taken by a conditional UpdateItem that succeeds
/// only when no lease is held or the held one has expired, released by a conditional write on the owner's token.
/// Expiry is the owner's own bound: a run whose invocation was killed never releases, and the next run waits it out.
/// </summary>
public sealed partial class DnsMirrorZoneStore
{
    /// <summary>
    /// Takes the zone's lease for <paramref name="owner"/> until <paramref name="expiresAt"/> (creating the row when
    /// the zone has none). Returns the row as it stands under the lease, or null when another run holds an unexpired
    /// lease (<paramref name="now"/> is compared with its expiry).
    /// </summary>
    public async Task<DnsMirrorZoneState?> TryAcquireLeaseAsync(string zone, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(zone);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        try
        {
            var response = await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = new() { [A.Zone] = new AttributeValue { S = zone } },
                UpdateExpression = "SET #owner = :owner, #expires = :expires",
                // Its own token too: when a first try was applied but its answer lost, the SDK's retry must find the
                // lease taken by this run, not report the zone busy against itself.
                ConditionExpression = "attribute_not_exists(#owner) OR #expires < :now OR #owner = :owner",
                ExpressionAttributeNames = new() { ["#owner"] = A.LeaseOwner, ["#expires"] = A.LeaseExpiresAt },
                ExpressionAttributeValues = new()
                {
                    [":owner"] = new AttributeValue { S = owner },
                    [":expires"] = ItemAttributes.N(expiresAt.ToUnixTimeMilliseconds()),
                    [":now"] = ItemAttributes.N(now.ToUnixTimeMilliseconds()),
                },
                ReturnValues = ReturnValue.ALL_NEW,
            }, cancellationToken).ConfigureAwait(false);
            return DnsMirrorZoneMapper.FromItem(response.Attributes);
        }
        catch (ConditionalCheckFailedException)
        {
            // The condition's only meaning: someone else's unexpired lease.
            return null;
        }
    }

    /// <summary>Ends <paramref name="owner"/>'s lease; false when it no longer holds it (expired and taken over).</summary>
    public async Task<bool> ReleaseLeaseAsync(string zone, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(zone);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = new() { [A.Zone] = new AttributeValue { S = zone } },
                UpdateExpression = "REMOVE #owner, #expires",
                ConditionExpression = "#owner = :owner",
                ExpressionAttributeNames = new() { ["#owner"] = A.LeaseOwner, ["#expires"] = A.LeaseExpiresAt },
                ExpressionAttributeValues = new() { [":owner"] = new AttributeValue { S = owner } },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
