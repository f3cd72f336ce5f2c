using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static LambdaSuite.Data.ItemAttributes;

namespace LambdaSuite.Data.Devices;

/// <summary>
/// Lifecycle changes (transfer, unbind, deregister, certificate binding): each is one TransactWriteItems holding the
/// device's conditional update and its history line, so neither exists without the other. The update is conditioned
/// on the history sequence the caller read (every change raises it), on the device not being deregistered and on the
/// activation state the caller saw, so of two racing changes exactly one commits and the other learns why from the
/// item DynamoDB returns.
/// </summary>
public sealed partial class DeviceCatalog
{
    /// <summary>
    /// Writes <paramref name="change"/> to the device as <paramref name="seen"/> read it, with its history line, in one
    /// transaction. When the current activation has no line yet (an activation is one counted write with no room for
    /// a second item), its line goes into the same transaction, before the change's.
    /// </summary>
    public async Task<DeviceChangeResult> ChangeAsync(DeviceRecord seen, DeviceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(change);
        var lines = new List<DeviceHistoryEntry>();
        if (UnloggedActivation(seen) is { } activation)
        {
            lines.Add(activation);
        }

        lines.Add(new DeviceHistoryEntry(seen.HistorySeq + lines.Count + 1, ActionOf(change.Kind), change.Door, change.Actor, change.At, OutcomeOf(change.Kind)));
        var next = lines[^1].Sequence;
        var items = new List<TransactWriteItem> { new() { Update = ChangeUpdate(seen, change, next) } };
        items.AddRange(lines.Select(line => new TransactWriteItem
        {
            Put = new Put
            {
                TableName = TableName,
                Item = HistoryItem(seen.Key, line),
                ConditionExpression = "attribute_not_exists(#sn)",
                ExpressionAttributeNames = new() { ["#sn"] = DeviceAttributeNames.SerialNumber },
            },
        }));
        try
        {
            await _client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }, cancellationToken).ConfigureAwait(false);
            return new DeviceChangeResult(true, Applied(seen, change, next));
        }
        catch (TransactionCanceledException cancelled)
        {
            var reason = cancelled.CancellationReasons is { Count: > 0 } reasons ? reasons[0] : null;
            if (reason?.Code == "ConditionalCheckFailed")
            {
                return new DeviceChangeResult(false, reason.Item is { Count: > 0 } old ? FromItem(old) : null);
            }

            // Another transaction on the same item at the same instant: DynamoDB refused this one whole. The caller
            // treats it as the race it is, with the device as it now stands.
            if (cancelled.CancellationReasons?.Any(r => r.Code == "TransactionConflict") == true)
            {
                return new DeviceChangeResult(false, await GetAsync(seen.Key, cancellationToken).ConfigureAwait(false));
            }

            throw;
        }
    }

    /// <summary>
    /// Counts one proof attempt on an activated device (an owner proving ownership to transfer it), before the proof is
    /// checked, for the same reason activation attempts are: a refused write counts nothing, so a check made first
    /// would let a parallel burst through uncounted. Admitted only on a device that exists, is activated, is not
    /// deregistered and is not locked under <paramref name="lockout"/>; the result carries the item as written (or as
    /// found when refused). Requests: 1; 2 when the attempt opens a new counting window.
    /// </summary>
    public async Task<DeviceActivationWrite> CountProofAttemptAsync(DeviceKey key, DateTimeOffset now, DeviceLockoutPolicy lockout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lockout);
        var openNewWindow = false;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                var response = await _client.UpdateItemAsync(ProofAttemptRequest(key, now, lockout, openNewWindow), cancellationToken).ConfigureAwait(false);
                return new DeviceActivationWrite(true, FromItem(response.Attributes));
            }
            catch (ConditionalCheckFailedException refused)
            {
                var old = OldItem(refused);
                if (old is null || !old.Activated || old.Deregistered || lockout.IsLocked(old, now))
                {
                    return new DeviceActivationWrite(false, old);
                }

                openNewWindow = old.FailedWindowStart is { } start && start.ToUnixTimeMilliseconds() <= WindowFloor(now, lockout);
            }
        }

        throw new InvalidOperationException($"Could not count a proof attempt on {key} in three conditional writes.");
    }

    private UpdateItemRequest ProofAttemptRequest(DeviceKey key, DateTimeOffset now, DeviceLockoutPolicy lockout, bool openNewWindow)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":one"] = N(1),
            [":nowMs"] = N(now.ToUnixTimeMilliseconds()),
            [":windowFloor"] = N(WindowFloor(now, lockout)),
            [":maxFailed"] = N(lockout.MaxFailedAttempts),
        };
        if (!openNewWindow)
        {
            values[":zero"] = N(0);
        }

        return new UpdateItemRequest
        {
            TableName = TableName,
            Key = KeyOf(key),
            UpdateExpression = (openNewWindow
                ? "SET #failed = :one, #windowStart = :nowMs"
                : "SET #failed = if_not_exists(#failed, :zero) + :one, #windowStart = if_not_exists(#windowStart, :nowMs)") + ", #lastFailure = :nowMs",
            ConditionExpression = "attribute_exists(#sn) AND attribute_not_exists(#dereg) AND #claim = #hmac"
                + " AND (attribute_not_exists(#failed) OR #failed < :maxFailed OR attribute_not_exists(#lastFailure) OR #lastFailure <= :windowFloor)"
                + (openNewWindow ? " AND #windowStart <= :windowFloor" : " AND (attribute_not_exists(#windowStart) OR #windowStart > :windowFloor)"),
            ExpressionAttributeNames = new()
            {
                ["#sn"] = DeviceAttributeNames.SerialNumber,
                ["#dereg"] = DeviceAttributeNames.DeregisteredAt,
                ["#claim"] = DeviceAttributeNames.ClaimHmac,
                ["#hmac"] = DeviceAttributeNames.ActivationCodeHmac,
                ["#failed"] = DeviceAttributeNames.FailedAttempts,
                ["#windowStart"] = DeviceAttributeNames.FailedWindowStart,
                ["#lastFailure"] = DeviceAttributeNames.LastFailureAt,
            },
            ExpressionAttributeValues = values,
            ReturnValues = ReturnValue.ALL_NEW,
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
    }

    private Update ChangeUpdate(DeviceRecord seen, DeviceChange change, long next)
    {
        var names = new Dictionary<string, string>
        {
            ["#sn"] = DeviceAttributeNames.SerialNumber,
            ["#dereg"] = DeviceAttributeNames.DeregisteredAt,
            ["#seq"] = DeviceAttributeNames.HistorySeq,
            ["#claim"] = DeviceAttributeNames.ClaimHmac,
            ["#hmac"] = DeviceAttributeNames.ActivationCodeHmac,
            ["#logged"] = DeviceAttributeNames.ActivationLogged,
        };
        var values = new Dictionary<string, AttributeValue> { [":next"] = N(next) };

        // Nothing changed since the read: same history place, same activation state (an activation does not move the
        // sequence, so it is checked by itself), and the device is still in service.
        var condition = "attribute_exists(#sn) AND attribute_not_exists(#dereg)"
            + (seen.HistorySeq == 0 ? " AND attribute_not_exists(#seq)" : " AND #seq = :seen")
            + (seen.Activated ? " AND #claim = #hmac" : " AND (attribute_not_exists(#claim) OR #claim <> #hmac)");
        if (seen.HistorySeq != 0)
        {
            values[":seen"] = N(seen.HistorySeq);
        }

        var set = new List<string> { "#seq = :next" };
        var remove = new List<string>();
        switch (change.Kind)
        {
            case DeviceChangeKind.Transfer:
                names["#claimEmail"] = DeviceAttributeNames.ClaimEmail;
                names["#claimAt"] = DeviceAttributeNames.ClaimAt;
                names["#claimDoor"] = DeviceAttributeNames.ClaimDoor;
                values[":owner"] = S(change.NewOwnerEmail ?? throw new ArgumentException("A transfer names the new owner.", nameof(change)));
                values[":at"] = S(DynamoTime.Format(change.At));
                values[":door"] = S(change.Door);
                set.AddRange(["#claimEmail = :owner", "#claimAt = :at", "#claimDoor = :door"]);
                if (change.ExpectedOwnerEmail is { } expected)
                {
                    condition += " AND #claimEmail = :expected";
                    values[":expected"] = S(expected);
                }

                RemoveCounters(names, remove);
                break;
            case DeviceChangeKind.Unbind:
                names["#keyId"] = DeviceAttributeNames.HmacKeyId;
                names["#claimEmail"] = DeviceAttributeNames.ClaimEmail;
                names["#claimAt"] = DeviceAttributeNames.ClaimAt;
                names["#claimDoor"] = DeviceAttributeNames.ClaimDoor;
                values[":hmac"] = S(change.NewCodeHmac ?? throw new ArgumentException("An unbind carries the new code's HMAC.", nameof(change)));
                values[":keyId"] = S(change.NewKeyId ?? throw new ArgumentException("An unbind names the key of the new HMAC.", nameof(change)));
                set.AddRange(["#hmac = :hmac", "#keyId = :keyId"]);
                remove.AddRange(["#claim", "#claimEmail", "#claimAt", "#claimDoor"]);
                RemoveCounters(names, remove);
                break;
            case DeviceChangeKind.Deregister:
                values[":at"] = S(DynamoTime.Format(change.At));
                set.Add("#dereg = :at");
                break;
            case DeviceChangeKind.BindCertificate:
                names["#cert"] = DeviceAttributeNames.CertificateId;
                values[":cert"] = S(change.CertificateId ?? throw new ArgumentException("A binding names the certificate.", nameof(change)));
                condition += " AND attribute_not_exists(#cert)";
                set.Add("#cert = :cert");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change));
        }

        // A transfer's line records the new owner, and the other changes log the current activation (if any) in this
        // transaction; an unbind leaves no activation to log.
        if (change.Kind == DeviceChangeKind.Unbind)
        {
            remove.Add("#logged");
        }
        else if (change.Kind == DeviceChangeKind.Transfer || seen.Activated)
        {
            set.Add("#logged = :true");
            values[":true"] = new AttributeValue { BOOL = true };
        }
        else
        {
            names.Remove("#logged");
        }

        return new Update
        {
            TableName = TableName,
            Key = KeyOf(seen.Key),
            ConditionExpression = condition,
            UpdateExpression = "SET " + string.Join(", ", set) + (remove.Count > 0 ? " REMOVE " + string.Join(", ", remove) : string.Empty),
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
    }

    private static void RemoveCounters(Dictionary<string, string> names, List<string> remove)
    {
        names["#failed"] = DeviceAttributeNames.FailedAttempts;
        names["#windowStart"] = DeviceAttributeNames.FailedWindowStart;
        names["#lastFailure"] = DeviceAttributeNames.LastFailureAt;
        remove.AddRange(["#failed", "#windowStart", "#lastFailure"]);
    }

    /// <summary>The device as the committed transaction left it, computed rather than read back (a transaction returns no item).</summary>
    private static DeviceRecord Applied(DeviceRecord seen, DeviceChange change, long next)
    {
        var applied = change.Kind switch
        {
            DeviceChangeKind.Transfer => seen with { OwnerEmail = change.NewOwnerEmail, ActivatedAt = change.At, ActivatedVia = change.Door, FailedAttempts = 0, FailedWindowStart = null, LastFailureAt = null },
            DeviceChangeKind.Unbind => seen with
            {
                ActivationCodeHmac = change.NewCodeHmac!,
                HmacKeyId = change.NewKeyId,
                Activated = false,
                OwnerEmail = null,
                ActivatedAt = null,
                ActivatedVia = null,
                FailedAttempts = 0,
                FailedWindowStart = null,
                LastFailureAt = null,
            },
            DeviceChangeKind.Deregister => seen with { DeregisteredAt = change.At },
            DeviceChangeKind.BindCertificate => seen with { CertificateId = change.CertificateId },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        return applied with { HistorySeq = next, ActivationLogged = change.Kind == DeviceChangeKind.Transfer || (change.Kind != DeviceChangeKind.Unbind && seen.Activated) };
    }

    private static string ActionOf(DeviceChangeKind kind) => kind switch
    {
        DeviceChangeKind.Transfer => DeviceHistoryActions.Transfer,
        DeviceChangeKind.Unbind => DeviceHistoryActions.Unbind,
        DeviceChangeKind.Deregister => DeviceHistoryActions.Deregister,
        DeviceChangeKind.BindCertificate => DeviceHistoryActions.BindCertificate,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string OutcomeOf(DeviceChangeKind kind) => kind switch
    {
        DeviceChangeKind.Transfer => DeviceHistoryActions.Transferred,
        DeviceChangeKind.Unbind => DeviceHistoryActions.Unbound,
        DeviceChangeKind.Deregister => DeviceHistoryActions.Deregistered,
        DeviceChangeKind.BindCertificate => DeviceHistoryActions.CertificateBound,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
