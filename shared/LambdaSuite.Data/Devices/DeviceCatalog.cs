using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LambdaSuite.Data.Devices;

/// <summary>
/// The iotCatalog table (<see cref="Tables.TableCatalog.IotCatalog"/>): every write is conditional so that
/// a repeated registration cannot reset a device, an activation cannot create or take over a device, and
/// a locked device refuses codes. Refused writes ask for the old item
/// (<c>ReturnValuesOnConditionCheckFailure=ALL_OLD</c>) so callers learn why without an extra read.
/// </summary>
public sealed partial class DeviceCatalog
{
    /// <summary>IAM actions of the operations the function uses (the CLI's listing and delete are not among them).</summary>
    public static IReadOnlyList<string> IamActions { get; } = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"];

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
    /// The one-request activation: binds <paramref name="ownerEmail"/> only if the device exists, is not activated,
    /// stores <paramref name="codeHmac"/>, and has no failed attempt on record. A device with failures on record is
    /// refused here and must go through <see cref="ReserveAttemptAsync"/> and <see cref="TryActivateReservedAsync"/>,
    /// so that under attack every guess is counted before it is checked.
    /// </summary>
    public Task<DeviceActivationWrite> TryActivateAsync(DeviceKey key, string codeHmac, string ownerEmail, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ActivateAsync(key, codeHmac, ownerEmail, now, requireNoFailures: true, cancellationToken);

    /// <summary>
    /// Binds <paramref name="ownerEmail"/> after <see cref="ReserveAttemptAsync"/> admitted this attempt: only if the
    /// device exists, is not activated and stores <paramref name="codeHmac"/>. The lock is not checked again, because
    /// the reservation that admitted the attempt may itself have reached the threshold. Clears the counters.
    /// </summary>
    public Task<DeviceActivationWrite> TryActivateReservedAsync(DeviceKey key, string codeHmac, string ownerEmail, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ActivateAsync(key, codeHmac, ownerEmail, now, requireNoFailures: false, cancellationToken);

    /// <summary>
    /// Counts one attempt before its code is checked, only if the device exists, is not activated and is not locked
    /// under <paramref name="lockout"/> at <paramref name="now"/>. Because admission and count are one conditional
    /// write, concurrent attempts cannot all slip under the threshold.
    /// </summary>
    public async Task<DeviceAttemptReservation> ReserveAttemptAsync(
        DeviceRecord seen,
        DateTimeOffset now,
        DeviceLockoutPolicy lockout,
        CancellationToken cancellationToken = default)
    {
        var (written, device) = await CountAttemptAsync(seen, now, lockout, onlyIfAdmissible: true, cancellationToken).ConfigureAwait(false);
        return new DeviceAttemptReservation(written, device);
    }

    /// <summary>
    /// Counts one failed attempt whose code was already found wrong. Returns the item as written, or null when the
    /// device no longer exists.
    /// </summary>
    public async Task<DeviceRecord?> RecordFailedAttemptAsync(
        DeviceRecord seen,
        DateTimeOffset now,
        DeviceLockoutPolicy lockout,
        CancellationToken cancellationToken = default)
    {
        var (_, device) = await CountAttemptAsync(seen, now, lockout, onlyIfAdmissible: false, cancellationToken).ConfigureAwait(false);
        return device;
    }

    private async Task<DeviceActivationWrite> ActivateAsync(
        DeviceKey key,
        string codeHmac,
        string ownerEmail,
        DateTimeOffset now,
        bool requireNoFailures,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(codeHmac);
        ArgumentException.ThrowIfNullOrEmpty(ownerEmail);
        var request = new UpdateItemRequest
        {
            TableName = TableName,
            Key = KeyOf(key),
            UpdateExpression = "SET #activated = :true, #email = :email, #activatedAt = :now REMOVE #failed, #windowStart, #lastFailure",
            ConditionExpression =
                "attribute_exists(#sn) AND (attribute_not_exists(#activated) OR #activated = :false) AND #hmac = :hmac"
                + (requireNoFailures ? " AND attribute_not_exists(#lastFailure)" : string.Empty),
            ExpressionAttributeNames = new()
            {
                ["#sn"] = DeviceAttributeNames.SerialNumber,
                ["#activated"] = DeviceAttributeNames.Activated,
                ["#email"] = DeviceAttributeNames.OwnerEmail,
                ["#activatedAt"] = DeviceAttributeNames.ActivatedAt,
                ["#hmac"] = DeviceAttributeNames.ActivationCodeHmac,
                ["#failed"] = DeviceAttributeNames.FailedAttempts,
                ["#windowStart"] = DeviceAttributeNames.FailedWindowStart,
                ["#lastFailure"] = DeviceAttributeNames.LastFailureAt,
            },
            ExpressionAttributeValues = new()
            {
                [":true"] = new AttributeValue { BOOL = true },
                [":false"] = new AttributeValue { BOOL = false },
                [":email"] = new AttributeValue { S = ownerEmail },
                [":now"] = new AttributeValue { S = FormatInstant(now) },
                [":hmac"] = new AttributeValue { S = codeHmac },
            },
            ReturnValues = ReturnValue.ALL_NEW,
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        try
        {
            var response = await _client.UpdateItemAsync(request, cancellationToken).ConfigureAwait(false);
            return new DeviceActivationWrite(true, FromItem(response.Attributes));
        }
        catch (ConditionalCheckFailedException refused)
        {
            return new DeviceActivationWrite(false, OldItem(refused));
        }
    }

    /// <summary>
    /// Adds one to the failure count atomically: opens a new window when the one <paramref name="seen"/> has expired,
    /// otherwise adds one to the open window. Each form is conditioned on the window state it assumes; the two
    /// conditions are complements, so a race with a concurrent counter costs at most one retry and never loses a
    /// count. With <paramref name="onlyIfAdmissible"/> the write also requires an unactivated, unlocked device and
    /// reports the item that refused it.
    /// </summary>
    private async Task<(bool Written, DeviceRecord? Device)> CountAttemptAsync(
        DeviceRecord seen,
        DateTimeOffset now,
        DeviceLockoutPolicy lockout,
        bool onlyIfAdmissible,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(lockout);
        var openNewWindow = lockout.WindowExpired(seen, now);
        for (var attempt = 0; attempt < 2; attempt++, openNewWindow = !openNewWindow)
        {
            try
            {
                var request = CountAttemptRequest(seen.Key, now, lockout, openNewWindow, onlyIfAdmissible);
                var response = await _client.UpdateItemAsync(request, cancellationToken).ConfigureAwait(false);
                return (true, FromItem(response.Attributes));
            }
            catch (ConditionalCheckFailedException refused)
            {
                var old = OldItem(refused);
                if (old is null || (onlyIfAdmissible && (old.Activated || lockout.IsLocked(old, now))))
                {
                    return (false, old);
                }

                // Otherwise the window changed under us (another attempt opened or extended it): the other form applies.
            }
        }

        throw new InvalidOperationException($"Could not count an activation attempt on {seen.Key} in two conditional writes.");
    }

    private UpdateItemRequest CountAttemptRequest(DeviceKey key, DateTimeOffset now, DeviceLockoutPolicy lockout, bool openNewWindow, bool onlyIfAdmissible)
    {
        var condition = openNewWindow
            ? "attribute_exists(#sn) AND (attribute_not_exists(#windowStart) OR #windowStart <= :windowFloor)"
            : "attribute_exists(#sn) AND #windowStart > :windowFloor";
        var values = new Dictionary<string, AttributeValue>
        {
            [":one"] = Number(1),
            [":nowMs"] = Number(now.ToUnixTimeMilliseconds()),
            [":windowFloor"] = Number((now - lockout.Window).ToUnixTimeMilliseconds()),
        };
        var names = new Dictionary<string, string>
        {
            ["#sn"] = DeviceAttributeNames.SerialNumber,
            ["#failed"] = DeviceAttributeNames.FailedAttempts,
            ["#windowStart"] = DeviceAttributeNames.FailedWindowStart,
            ["#lastFailure"] = DeviceAttributeNames.LastFailureAt,
        };
        if (!openNewWindow)
        {
            values[":zero"] = Number(0);
        }

        if (onlyIfAdmissible)
        {
            // Not activated, and not locked: the same rule as DeviceLockoutPolicy.IsLocked, negated.
            condition += " AND (attribute_not_exists(#activated) OR #activated = :false)"
                + " AND (attribute_not_exists(#failed) OR #failed < :maxFailed OR attribute_not_exists(#lastFailure) OR #lastFailure <= :windowFloor)";
            names["#activated"] = DeviceAttributeNames.Activated;
            values[":false"] = new AttributeValue { BOOL = false };
            values[":maxFailed"] = Number(lockout.MaxFailedAttempts);
        }

        return new UpdateItemRequest
        {
            TableName = TableName,
            Key = KeyOf(key),
            UpdateExpression = openNewWindow
                ? "SET #failed = :one, #windowStart = :nowMs, #lastFailure = :nowMs"
                : "SET #failed = if_not_exists(#failed, :zero) + :one, #lastFailure = :nowMs",
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

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
