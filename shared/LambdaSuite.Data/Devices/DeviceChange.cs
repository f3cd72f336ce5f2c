using System.Text;

namespace LambdaSuite.Data.Devices;

/// <summary>
/// One lifecycle change and the history line that records it; <see cref="DeviceCatalog.ChangeAsync"/> writes both
/// in one transaction or neither.
/// </summary>
/// <param name="NewOwnerEmail">Transfer: the new owner.</param>
/// <param name="NewCodeHmac">Unbind: the new activation code's HMAC (never the code).</param>
/// <param name="NewKeyId">Unbind: the key that made <paramref name="NewCodeHmac"/>.</param>
/// <param name="CertificateId">BindCertificate: the certificate.</param>
/// <param name="ExpectedOwnerEmail">Transfer by the owner's proof: the owner the proof was checked against; the write is refused if it changed.</param>
public sealed record DeviceChange(
    DeviceChangeKind Kind,
    string Door,
    string Actor,
    DateTimeOffset At,
    string? NewOwnerEmail = null,
    string? NewCodeHmac = null,
    string? NewKeyId = null,
    string? CertificateId = null,
    string? ExpectedOwnerEmail = null)
{
    /// <summary>Keeps addresses and the hash out of anything that prints this record.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Kind = ").Append(Kind).Append(", Door = ").Append(Door).Append(", At = ").Append(At.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
