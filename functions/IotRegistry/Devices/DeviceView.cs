using System.Text.Json;
using IotRegistry.Json;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Devices;

/// <summary>
/// A device as callers see it. Built from an allow-list, so the activation code's HMAC and the lockout counters
/// can never leak through a new attribute; the owner's address is masked because the door that reads a device
/// is not the door that proves ownership.
/// </summary>
public sealed record DeviceView(
    string SerialNumber,
    string ClientId,
    string? Device,
    string? Type,
    string? Endpoint,
    string? CertificateId,
    bool Activated,
    string RegisteredAt,
    string? ActivatedAt,
    string? Owner,
    string? DeregisteredAt = null)
{
    public static DeviceView From(DeviceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new DeviceView(
            record.Key.SerialNumber,
            record.Key.ClientId,
            record.DeviceName,
            record.Type,
            record.Endpoint,
            record.CertificateId,
            record.Activated,
            Instant(record.RegisteredAt),
            record.ActivatedAt is { } at ? Instant(at) : null,
            record.OwnerEmail is { } email ? MaskEmail(email) : null,
            record.DeregisteredAt is { } retired ? Instant(retired) : null);
    }

    /// <summary>"alice@example.com" becomes "a***@example.com": enough for an owner to recognise, little for anyone else.</summary>
    public static string MaskEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }

    /// <summary>Writes this view as the function's JSON answers show it (source-generated, AOT-safe).</summary>
    public void WriteJson(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, this, IotRegistryJsonContext.Default.DeviceView);

    private static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
