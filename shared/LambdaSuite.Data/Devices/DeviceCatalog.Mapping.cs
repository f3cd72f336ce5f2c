using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace LambdaSuite.Data.Devices;

/// <summary>Item ↔ <see cref="DeviceRecord"/> conversion. Instants the conditions compare are Unix milliseconds (N).</summary>
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
        item[DeviceAttributeNames.Activated] = new AttributeValue { BOOL = device.Activated };
        item[DeviceAttributeNames.RegisteredAt] = new AttributeValue { S = FormatInstant(device.RegisteredAt) };
        AddString(item, DeviceAttributeNames.DeviceName, device.DeviceName);
        AddString(item, DeviceAttributeNames.Type, device.Type);
        AddString(item, DeviceAttributeNames.Endpoint, device.Endpoint);
        AddString(item, DeviceAttributeNames.CertificateId, device.CertificateId);
        AddString(item, DeviceAttributeNames.Principal, device.Principal);
        AddString(item, DeviceAttributeNames.OwnerEmail, device.OwnerEmail);
        if (device.ActivatedAt is { } activatedAt)
        {
            item[DeviceAttributeNames.ActivatedAt] = new AttributeValue { S = FormatInstant(activatedAt) };
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
        return new DeviceRecord(
            new DeviceKey(RequiredString(item, DeviceAttributeNames.SerialNumber), RequiredString(item, DeviceAttributeNames.ClientId)),
            RequiredString(item, DeviceAttributeNames.ActivationCodeHmac),
            ParseInstant(RequiredString(item, DeviceAttributeNames.RegisteredAt), DeviceAttributeNames.RegisteredAt),
            DeviceName: OptionalString(item, DeviceAttributeNames.DeviceName),
            Type: OptionalString(item, DeviceAttributeNames.Type),
            Endpoint: OptionalString(item, DeviceAttributeNames.Endpoint),
            CertificateId: OptionalString(item, DeviceAttributeNames.CertificateId),
            Principal: OptionalString(item, DeviceAttributeNames.Principal),
            Activated: item.TryGetValue(DeviceAttributeNames.Activated, out var activated) && activated.BOOL == true,
            OwnerEmail: OptionalString(item, DeviceAttributeNames.OwnerEmail),
            ActivatedAt: OptionalString(item, DeviceAttributeNames.ActivatedAt) is { } at ? ParseInstant(at, DeviceAttributeNames.ActivatedAt) : null,
            FailedAttempts: (int)Math.Min(OptionalNumber(item, DeviceAttributeNames.FailedAttempts) ?? 0, int.MaxValue),
            FailedWindowStart: OptionalNumber(item, DeviceAttributeNames.FailedWindowStart) is { } start ? DateTimeOffset.FromUnixTimeMilliseconds(start) : null,
            LastFailureAt: OptionalNumber(item, DeviceAttributeNames.LastFailureAt) is { } last ? DateTimeOffset.FromUnixTimeMilliseconds(last) : null);
    }

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
