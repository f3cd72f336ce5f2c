using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2.Model;

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
            [DeviceAttributeNames.SerialNumber] = new AttributeValue { S = key.SerialNumber },
            [DeviceAttributeNames.ClientId] = new AttributeValue { S = key.ClientId },
        };
    }

    internal static Dictionary<string, AttributeValue> ToItem(DeviceRecord device)
    {
        var item = KeyOf(device.Key);
        item[DeviceAttributeNames.ActivationCodeHmac] = new AttributeValue { S = device.ActivationCodeHmac };
        item[DeviceAttributeNames.RegisteredAt] = new AttributeValue { S = FormatInstant(device.RegisteredAt) };
        AddString(item, DeviceAttributeNames.HmacKeyId, device.HmacKeyId);
        AddString(item, DeviceAttributeNames.DeviceName, device.DeviceName);
        AddString(item, DeviceAttributeNames.Type, device.Type);
        AddString(item, DeviceAttributeNames.Endpoint, device.Endpoint);
        AddString(item, DeviceAttributeNames.CertificateId, device.CertificateId);
        AddString(item, DeviceAttributeNames.Principal, device.Principal);
        if (device.Activated)
        {
            // Activated means "the claim is the stored HMAC"; a device that is not activated has no owner to store.
            item[DeviceAttributeNames.ClaimHmac] = new AttributeValue { S = device.ActivationCodeHmac };
            AddString(item, DeviceAttributeNames.ClaimEmail, device.OwnerEmail);
            if (device.ActivatedAt is { } activatedAt)
            {
                item[DeviceAttributeNames.ClaimAt] = new AttributeValue { S = FormatInstant(activatedAt) };
            }
        }

        if (device.FailedAttempts > 0)
        {
            item[DeviceAttributeNames.FailedAttempts] = Number(device.FailedAttempts);
        }

        if (device.FailedWindowStart is { } windowStart)
        {
            item[DeviceAttributeNames.FailedWindowStart] = Number(windowStart.ToUnixTimeMilliseconds());
        }

        if (device.LastFailureAt is { } lastFailure)
        {
            item[DeviceAttributeNames.LastFailureAt] = Number(lastFailure.ToUnixTimeMilliseconds());
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
            HmacKeyId: OptionalString(item, DeviceAttributeNames.HmacKeyId));
    }

    /// <summary>
    /// Constant-time comparison of a claim with the stored HMAC: an attempt's item comes back with its own claim,
    /// and how far a wrong HMAC matches must not show in the time taken.
    /// </summary>
    internal static bool ClaimMatches(string claimHmac, string storedHmac) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(claimHmac), Encoding.UTF8.GetBytes(storedHmac));

    internal static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string text, string attribute) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new InvalidDataException($"iotCatalog attribute '{attribute}' is not an ISO-8601 instant.");

    private static void AddString(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = new AttributeValue { S = value };
        }
    }

    private static string RequiredString(Dictionary<string, AttributeValue> item, string name) =>
        OptionalString(item, name) ?? throw new InvalidDataException($"iotCatalog item lacks string attribute '{name}'.");

    private static string? OptionalString(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.S is { Length: > 0 } text ? text : null;

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
