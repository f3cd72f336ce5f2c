using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LambdaSuite.Data.Devices;

/// <summary>
/// The iotCatalog table (<see cref="Tables.TableCatalog.IotCatalog"/>): every write is conditional so that
/// a repeated registration cannot reset a device, an activation attempt cannot create or take over a device, and
/// a locked device refuses codes. Refused writes ask for the old item
/// (<c>ReturnValuesOnConditionCheckFailure=ALL_OLD</c>) so callers learn why without an extra read.
/// </summary>
public sealed partial class DeviceCatalog : IDeviceCatalog, IDeviceLifecycleStore
{
    /// <summary>IAM actions of the operations the function uses (the CLI's listing and delete are not among them).</summary>
    /// <remarks>TransactWriteItems needs no action of its own: IAM checks its Put and Update as PutItem and UpdateItem.</remarks>
    public static IReadOnlyList<string> IamActions { get; } = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"];

    private readonly IAmazonDynamoDB _client;

    public DeviceCatalog(IAmazonDynamoDB client, string tableName)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _client = client;
        TableName = tableName;
    }

    public string TableName { get; }

    /// <summary>Writes <paramref name="device"/> only if no item has its key; otherwise returns the stored item untouched.</summary>
    public async Task<DeviceCreateResult> CreateIfAbsentAsync(DeviceRecord device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        var request = new PutItemRequest
        {
            TableName = TableName,
            Item = ToItem(device),
            ConditionExpression = "attribute_not_exists(#sn)",
            ExpressionAttributeNames = new() { ["#sn"] = DeviceAttributeNames.SerialNumber },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        try
        {
            await _client.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
            return new DeviceCreateResult(true, null);
        }
        catch (ConditionalCheckFailedException refused)
        {
            var existing = OldItem(refused)
                ?? throw new InvalidOperationException("iotCatalog refused a create-if-absent but returned no item with that key.", refused);
            return new DeviceCreateResult(false, existing);
        }
    }

    /// <summary>The device with <paramref name="key"/>, read strongly consistent, or null.</summary>
    public async Task<DeviceRecord?> GetAsync(DeviceKey key, CancellationToken cancellationToken = default)
    {
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = TableName, Key = KeyOf(key), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    /// <summary>
    /// One activation attempt in one conditional write. It records the attempt as the device's claim
    /// (<paramref name="claim"/>, <paramref name="ownerEmail"/>, <paramref name="now"/>) and counts it in the
    /// failure window, only if the device exists, is not activated (its claim differs from its HMAC), is not locked
    /// under <paramref name="lockout"/> at <paramref name="now"/> and names the key the claim was made under. The write
    /// cannot refuse a wrong code, since a refused write counts nothing; instead the code is checked after it, on the
    /// item as written, by comparing the claim with the stored HMAC. So every attempt is counted before anyone learns
    /// its result, and a parallel burst gets exactly the checks the threshold allows.
    /// </summary>
    /// <param name="claimUnder">
    /// The claim under the key an item names (null: an item without a key id, the current key's), for when
    /// <paramref name="claim"/> assumed another key (a device registered before the key rotated). Called at most once
    /// per attempt: an item's key id never changes. Null when no claim can be made under that key (it was retired):
    /// nothing is written, and the result is refused with the open device.
    /// </param>
    /// <remarks>
    /// The counter has two forms: count in the open window (or open the first), and open a new window after an
    /// expired one. The first is tried first. DynamoDB refuses a write whose key or window form does not fit the
    /// item, and the old item it returns tells a misfit from a real refusal and says which key and form do fit; a
    /// refused write counts nothing, so the attempt is still counted once. Requests: 1; 2 for the attempt that opens a
    /// new window after an expired one, or that names a device registered under the previous key; a third only when a
    /// concurrent attempt reopened the window between the two.
    /// </remarks>
    public async Task<DeviceActivationWrite> RecordAttemptAsync(
        DeviceKey key,
        DeviceActivationClaim claim,
        Func<string?, CancellationToken, ValueTask<DeviceActivationClaim?>> claimUnder,
        string ownerEmail,
        DateTimeOffset now,
        DeviceLockoutPolicy lockout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(claimUnder);
        ArgumentException.ThrowIfNullOrEmpty(ownerEmail);
        ArgumentNullException.ThrowIfNull(lockout);
        var openNewWindow = false;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            try
            {
                var request = RecordAttemptRequest(key, claim, ownerEmail, now, lockout, openNewWindow);
                var response = await _client.UpdateItemAsync(request, cancellationToken).ConfigureAwait(false);
                return new DeviceActivationWrite(true, FromItem(response.Attributes));
            }
            catch (ConditionalCheckFailedException refused)
            {
                var old = OldItem(refused);
                if (old is null || old.Activated || old.Deregistered || lockout.IsLocked(old, now))
                {
                    return new DeviceActivationWrite(false, old);
                }

                // Otherwise the device is open and only the key or the window form did not fit: the old item names
                // its key (which never changes) and shows its window (which only moves forward).
                if (!claim.Fits(old.HmacKeyId))
                {
                    var fitting = await claimUnder(old.HmacKeyId, cancellationToken).ConfigureAwait(false);
                    if (fitting is null)
                    {
                        return new DeviceActivationWrite(false, old);
                    }

                    claim = fitting;
                }

                openNewWindow = old.FailedWindowStart is { } start && start.ToUnixTimeMilliseconds() <= WindowFloor(now, lockout);
            }
        }

        throw new InvalidOperationException($"Could not record an activation attempt on {key} in four conditional writes.");
    }

    private static long WindowFloor(DateTimeOffset now, DeviceLockoutPolicy lockout) => (now - lockout.Window).ToUnixTimeMilliseconds();

    private UpdateItemRequest RecordAttemptRequest(DeviceKey key, DeviceActivationClaim claim, string ownerEmail, DateTimeOffset now, DeviceLockoutPolicy lockout, bool openNewWindow)
    {
        // Not activated: no claim, or a claim other than the HMAC (DynamoDB compares the two attributes). Not locked:
        // DeviceLockoutPolicy.IsLocked, negated. The key: the one the claim was made under (the current key also
        // covers items without a key id). The window form: absent or open, versus expired (complements).
        var condition = "attribute_exists(#sn) AND attribute_not_exists(#dereg) AND (attribute_not_exists(#claim) OR #claim <> #hmac)"
            + (claim.IsCurrentKey ? " AND (attribute_not_exists(#keyId) OR #keyId = :keyId)" : " AND #keyId = :keyId")
            + " AND (attribute_not_exists(#failed) OR #failed < :maxFailed OR attribute_not_exists(#lastFailure) OR #lastFailure <= :windowFloor)"
            + (openNewWindow
                ? " AND #windowStart <= :windowFloor"
                : " AND (attribute_not_exists(#windowStart) OR #windowStart > :windowFloor)");

        // A success is counted like any attempt; that is harmless, since nothing can be attempted once activated.
        var counter = openNewWindow
            ? "#failed = :one, #windowStart = :nowMs"
            : "#failed = if_not_exists(#failed, :zero) + :one, #windowStart = if_not_exists(#windowStart, :nowMs)";
        var values = new Dictionary<string, AttributeValue>
        {
            [":claim"] = new AttributeValue { S = claim.CodeHmac },
            [":keyId"] = new AttributeValue { S = claim.KeyId },
            [":email"] = new AttributeValue { S = ownerEmail },
            [":at"] = ItemAttributes.S(DynamoTime.Format(now)),
            [":one"] = ItemAttributes.N(1),
            [":nowMs"] = ItemAttributes.N(now.ToUnixTimeMilliseconds()),
            [":windowFloor"] = ItemAttributes.N(WindowFloor(now, lockout)),
            [":maxFailed"] = ItemAttributes.N(lockout.MaxFailedAttempts),
        };
        if (!openNewWindow)
        {
            values[":zero"] = ItemAttributes.N(0);
        }

        var names = new Dictionary<string, string>
        {
            ["#sn"] = DeviceAttributeNames.SerialNumber,
            ["#hmac"] = DeviceAttributeNames.ActivationCodeHmac,
            ["#keyId"] = DeviceAttributeNames.HmacKeyId,
            ["#claim"] = DeviceAttributeNames.ClaimHmac,
            ["#claimEmail"] = DeviceAttributeNames.ClaimEmail,
            ["#claimAt"] = DeviceAttributeNames.ClaimAt,
            ["#failed"] = DeviceAttributeNames.FailedAttempts,
            ["#windowStart"] = DeviceAttributeNames.FailedWindowStart,
            ["#lastFailure"] = DeviceAttributeNames.LastFailureAt,
            ["#dereg"] = DeviceAttributeNames.DeregisteredAt,
        };
        var door = string.Empty;
        if (claim.Door is { } doorName)
        {
            values[":door"] = ItemAttributes.S(doorName);
            names["#claimDoor"] = DeviceAttributeNames.ClaimDoor;
            door = ", #claimDoor = :door";
        }

        return new UpdateItemRequest
        {
            TableName = TableName,
            Key = KeyOf(key),
            UpdateExpression = $"SET #claim = :claim, #claimEmail = :email, #claimAt = :at{door}, {counter}, #lastFailure = :nowMs",
            ConditionExpression = condition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnValues = ReturnValue.ALL_NEW,
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
    }

    /// <summary>
    /// The item as DynamoDB saw it when it refused the condition. With ALL_OLD requested DynamoDB returns the item
    /// whenever one exists, so no item means no device, and telling the cases apart needs no read.
    /// </summary>
    private static DeviceRecord? OldItem(ConditionalCheckFailedException refused) =>
        refused.Item is { Count: > 0 } old ? FromItem(old) : null;
}
