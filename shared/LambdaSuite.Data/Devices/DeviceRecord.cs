namespace LambdaSuite.Data.Devices;

/// <summary>One iotCatalog item as the suite sees it. Optional descriptive fields are null when absent.</summary>
/// <param name="ActivationCodeHmac">The keyed hash of the activation code (never the code).</param>
/// <param name="Activated">True when the stored claim is the code's HMAC; the item has no separate flag.</param>
/// <param name="OwnerEmail">The matching claim's e-mail; null unless <paramref name="Activated"/>.</param>
/// <param name="HmacKeyId">Which key made <paramref name="ActivationCodeHmac"/>; null on items older than key ids (the current key's).</param>
/// <param name="ActivatedVia">The door the activation came through (a transfer's door once transferred); null unless <paramref name="Activated"/>.</param>
/// <param name="DeregisteredAt">When the device was retired for good; null while it is in service.</param>
/// <param name="HistorySeq">The sequence of its last history item (0: none yet).</param>
/// <param name="ActivationLogged">True when the current activation already has its history item.</param>
/// <param name="FailedAttempts">
/// Activation attempts counted since <paramref name="FailedWindowStart"/> (all failures until the one that activates).
/// </param>
public sealed record DeviceRecord(
    DeviceKey Key,
    string ActivationCodeHmac,
    DateTimeOffset RegisteredAt,
    string? DeviceName = null,
    string? Type = null,
    string? Endpoint = null,
    string? CertificateId = null,
    string? Principal = null,
    bool Activated = false,
    string? OwnerEmail = null,
    DateTimeOffset? ActivatedAt = null,
    int FailedAttempts = 0,
    DateTimeOffset? FailedWindowStart = null,
    DateTimeOffset? LastFailureAt = null,
    string? HmacKeyId = null,
    string? ActivatedVia = null,
    DateTimeOffset? DeregisteredAt = null,
    long HistorySeq = 0,
    bool ActivationLogged = false)
{
    public bool Deregistered => DeregisteredAt is not null;
}
