namespace LambdaSuite.Data.Devices;

/// <summary>One iotCatalog item as the suite sees it. Optional descriptive fields are null when absent.</summary>
/// <param name="ActivationCodeHmac">The keyed hash of the activation code (never the code).</param>
/// <param name="FailedAttempts">Failed activation attempts counted since <paramref name="FailedWindowStart"/>.</param>
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
    DateTimeOffset? LastFailureAt = null);
