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

    /// <summary>
    /// A short fingerprint of the key <see cref="ActivationCodeHmac"/> was made with (never the key, never a secret
    /// version id), written at registration so a rotated key does not orphan stored hashes. Absent on items written
    /// before keys rotated: those count as the current key's.
    /// </summary>
    public const string HmacKeyId = "hmacKeyId";

    public const string RegisteredAt = "registeredAt";

    /// <summary>
    /// The HMAC of the code the last counted activation attempt offered. The device is activated exactly when it
    /// equals <see cref="ActivationCodeHmac"/>; from then on no write can change it (the attempt's condition is
    /// <c>claimHmac &lt;&gt; activationCodeHmac</c>), so the claim's e-mail and instant become the owner's.
    /// </summary>
    public const string ClaimHmac = "claimHmac";

    /// <summary>The e-mail the last counted attempt offered; the owner's once the claim matches.</summary>
    public const string ClaimEmail = "claimEmail";

    /// <summary>When the last counted attempt was made (ISO-8601); the activation instant once the claim matches.</summary>
    public const string ClaimAt = "claimAt";

    /// <summary>
    /// Activation attempts counted in the current window (number). Every attempt the lock admits is counted, the
    /// one that activates included: one write both counts and checks, so it cannot know the outcome beforehand.
    /// </summary>
    public const string FailedAttempts = "failedAttempts";

    /// <summary>When the current counting window opened, Unix milliseconds (number).</summary>
    public const string FailedWindowStart = "failedWindowStart";

    /// <summary>When the last attempt was counted, Unix milliseconds (number).</summary>
    public const string LastFailureAt = "lastFailureAt";

    /// <summary>The door of the last counted activation attempt (<see cref="DeviceDoors"/>); the activation's door once the claim matches.</summary>
    public const string ClaimDoor = "claimDoor";

    /// <summary>
    /// When the device was deregistered (ISO-8601). Present means retired for good: every write but the history's
    /// is conditioned on its absence, so the device can no longer register, be activated, transferred or unbound.
    /// </summary>
    public const string DeregisteredAt = "deregisteredAt";

    /// <summary>
    /// The sequence of the device's last history item (number; absent: none). Each lifecycle change is conditioned on
    /// the value it read and raises it in the same transaction that writes the history item, so two changes can never
    /// take the same place in the history and the loser of a race is refused.
    /// </summary>
    public const string HistorySeq = "historySeq";

    /// <summary>
    /// True once the current activation has its own history item. An activation is one strict counted write with no
    /// room for a second item; the first lifecycle change after it writes its history item in the same transaction.
    /// </summary>
    public const string ActivationLogged = "activationLogged";

    /// <summary>History items: what was done (<see cref="DeviceHistoryActions"/>).</summary>
    public const string HistoryAction = "historyAction";

    /// <summary>History items: the door the request came through (<see cref="DeviceDoors"/>).</summary>
    public const string HistoryDoor = "historyDoor";

    /// <summary>History items: who asked (an owner's e-mail, an IAM caller's ARN, a certificate id); masked when shown.</summary>
    public const string HistoryActor = "historyActor";

    /// <summary>History items: when (ISO-8601).</summary>
    public const string HistoryAt = "historyAt";

    /// <summary>History items: how it ended.</summary>
    public const string HistoryOutcome = "historyOutcome";
}
