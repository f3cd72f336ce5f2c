using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2.Model;
using static LambdaSuite.Data.ItemAttributes;

namespace LambdaSuite.Data.Devices;

/// <summary>
/// Item ↔ <see cref="DeviceRecord"/> conversion. Instants the conditions compare are Unix milliseconds (N). The item
/// stores a claim (<c>claimHmac</c>, <c>claimEmail</c>, <c>claimAt</c>); the record's Activated, OwnerEmail and
/// ActivatedAt are derived from it, so the rest of the suite reads owners as before.
/// </summary>
public sealed partial class DeviceCatalog
{
    internal static Dictionary<string, AttributeValue> KeyOf(DeviceKey key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key.SerialNumber);
        ArgumentException.ThrowIfNullOrEmpty(key.ClientId);
        return new()
        {
            [DeviceAttributeNames.SerialNumber] = S(key.SerialNumber),
            [DeviceAttributeNames.ClientId] = S(key.ClientId),
        };
    }

    internal static Dictionary<string, AttributeValue> ToItem(DeviceRecord device)
    {
        var item = KeyOf(device.Key);
        item[DeviceAttributeNames.ActivationCodeHmac] = S(device.ActivationCodeHmac);
        item[DeviceAttributeNames.RegisteredAt] = S(DynamoTime.Format(device.RegisteredAt));
        PutIfPresent(item, DeviceAttributeNames.HmacKeyId, device.HmacKeyId);
        PutIfPresent(item, DeviceAttributeNames.DeviceName, device.DeviceName);
        PutIfPresent(item, DeviceAttributeNames.Type, device.Type);
        PutIfPresent(item, DeviceAttributeNames.Endpoint, device.Endpoint);
        PutIfPresent(item, DeviceAttributeNames.CertificateId, device.CertificateId);
        PutIfPresent(item, DeviceAttributeNames.Principal, device.Principal);
        if (device.Activated)
        {
            // Activated means "the claim is the stored HMAC"; a device that is not activated has no owner to store.
            item[DeviceAttributeNames.ClaimHmac] = S(device.ActivationCodeHmac);
            PutIfPresent(item, DeviceAttributeNames.ClaimEmail, device.OwnerEmail);
            if (device.ActivatedAt is { } activatedAt)
            {
                item[DeviceAttributeNames.ClaimAt] = S(DynamoTime.Format(activatedAt));
            }

            PutIfPresent(item, DeviceAttributeNames.ClaimDoor, device.ActivatedVia);
        }

        if (device.DeregisteredAt is { } deregisteredAt)
        {
            item[DeviceAttributeNames.DeregisteredAt] = S(DynamoTime.Format(deregisteredAt));
        }

        if (device.HistorySeq > 0)
        {
            item[DeviceAttributeNames.HistorySeq] = N(device.HistorySeq);
        }

        if (device.ActivationLogged)
        {
            item[DeviceAttributeNames.ActivationLogged] = new AttributeValue { BOOL = true };
        }

        if (device.FailedAttempts > 0)
        {
            item[DeviceAttributeNames.FailedAttempts] = N(device.FailedAttempts);
        }

        if (device.FailedWindowStart is { } windowStart)
        {
            item[DeviceAttributeNames.FailedWindowStart] = N(windowStart.ToUnixTimeMilliseconds());
        }

        if (device.LastFailureAt is { } lastFailure)
        {
            item[DeviceAttributeNames.LastFailureAt] = N(lastFailure.ToUnixTimeMilliseconds());
        }

        return item;
    }

    internal static DeviceRecord FromItem(Dictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var codeHmac = RequiredString(item, DeviceAttributeNames.ActivationCodeHmac);

        // Only a claim equal to the stored HMAC is an owner's; any other claim is a wrong guess (an attacker's
        // e-mail, perhaps) and is never shown as the owner.
        var activated = OptionalString(item, DeviceAttributeNames.ClaimHmac) is { } claim && ClaimMatches(claim, codeHmac);
        return new DeviceRecord(
            new DeviceKey(RequiredString(item, DeviceAttributeNames.SerialNumber), RequiredString(item, DeviceAttributeNames.ClientId)),
            codeHmac,
            ParseInstant(RequiredString(item, DeviceAttributeNames.RegisteredAt), DeviceAttributeNames.RegisteredAt),
            DeviceName: OptionalString(item, DeviceAttributeNames.DeviceName),
            Type: OptionalString(item, DeviceAttributeNames.Type),
            Endpoint: OptionalString(item, DeviceAttributeNames.Endpoint),
            CertificateId: OptionalString(item, DeviceAttributeNames.CertificateId),
            Principal: OptionalString(item, DeviceAttributeNames.Principal),
            Activated: activated,
            OwnerEmail: activated ? OptionalString(item, DeviceAttributeNames.ClaimEmail) : null,
            ActivatedAt: activated && OptionalString(item, DeviceAttributeNames.ClaimAt) is { } at ? ParseInstant(at, DeviceAttributeNames.ClaimAt) : null,
            FailedAttempts: (int)Math.Min(OptionalNumber(item, DeviceAttributeNames.FailedAttempts) ?? 0, int.MaxValue),
            FailedWindowStart: OptionalNumber(item, DeviceAttributeNames.FailedWindowStart) is { } start ? DateTimeOffset.FromUnixTimeMilliseconds(start) : null,
            LastFailureAt: OptionalNumber(item, DeviceAttributeNames.LastFailureAt) is { } last ? DateTimeOffset.FromUnixTimeMilliseconds(last) : null,
            HmacKeyId: OptionalString(item, DeviceAttributeNames.HmacKeyId),
            ActivatedVia: activated ? OptionalString(item, DeviceAttributeNames.ClaimDoor) : null,
            DeregisteredAt: OptionalString(item, DeviceAttributeNames.DeregisteredAt) is { } retired ? ParseInstant(retired, DeviceAttributeNames.DeregisteredAt) : null,
            HistorySeq: OptionalNumber(item, DeviceAttributeNames.HistorySeq) ?? 0,
            ActivationLogged: item.TryGetValue(DeviceAttributeNames.ActivationLogged, out var logged) && logged.BOOL == true);
    }

    /// <summary>
    /// Constant-time comparison of a claim with the stored HMAC: an attempt's item comes back with its own claim,
    /// and how far a wrong HMAC matches must not show in the time taken.
    /// </summary>
    internal static bool ClaimMatches(string claimHmac, string storedHmac) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(claimHmac), Encoding.UTF8.GetBytes(storedHmac));

    private static DateTimeOffset ParseInstant(string text, string attribute) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new InvalidDataException($"iotCatalog attribute '{attribute}' is not an ISO-8601 instant.");

    private static string RequiredString(Dictionary<string, AttributeValue> item, string name) =>
        OptionalString(item, name) ?? throw new InvalidDataException($"iotCatalog item lacks string attribute '{name}'.");

    private static string? OptionalString(Dictionary<string, AttributeValue> item, string name) => NonEmptyString(item, name);

    private static long? OptionalNumber(Dictionary<string, AttributeValue> item, string name)
    {
        if (!item.TryGetValue(name, out var value) || value.N is null)
        {
            return null;
        }

        return long.TryParse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidDataException($"iotCatalog attribute '{name}' is not an integer.");
    }
}
