namespace LambdaSuite.Data.Devices;

/// <summary>
/// Attribute names of an iotCatalog item. Every expression refers to them through <c>#name</c>
/// placeholders, so reserved words (<c>type</c>, <c>endpoint</c>) and future renames cost nothing.
/// </summary>
public static class DeviceAttributeNames
{
    public const string SerialNumber = "serialNumber";
    public const string ClientId = "clientId";
    public const string DeviceName = "device";
    public const string Type = "type";
    public const string Endpoint = "endpoint";
    public const string CertificateId = "certificateId";
    public const string Principal = "principal";

    /// <summary>HMAC-SHA256 of the activation code, base64; the code itself is never stored.</summary>
    public const string ActivationCodeHmac = "activationCodeHmac";

    public const string Activated = "activated";

    /// <summary>The owner's e-mail, present only once the device is activated.</summary>
    public const string OwnerEmail = "email";

    public const string RegisteredAt = "registeredAt";
    public const string ActivatedAt = "activatedAt";

    /// <summary>Failed activation attempts counted in the current window (number).</summary>
    public const string FailedAttempts = "failedAttempts";

    /// <summary>When the current counting window opened, Unix milliseconds (number).</summary>
    public const string FailedWindowStart = "failedWindowStart";

    /// <summary>When the last failed attempt was counted, Unix milliseconds (number).</summary>
    public const string LastFailureAt = "lastFailureAt";
}
