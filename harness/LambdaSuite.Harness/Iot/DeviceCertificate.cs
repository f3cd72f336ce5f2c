using System.Security.Cryptography.X509Certificates;

namespace LambdaSuite.Harness.Iot;

/// <summary>A device's client certificate as the stack's CA issued it.</summary>
/// <param name="SerialNumber">The certificate's CN: the broker's user name, which its ACL ties to the device's topics.</param>
/// <param name="ClientId">The MQTT client id it was issued for (the subject's UID), when one was named.</param>
/// <param name="CertificateId">What AWS IoT calls the certificate id and <c>principal()</c> returns: the SHA-256 of its DER encoding, lower-case hex.</param>
public sealed record DeviceCertificate(string SerialNumber, string? ClientId, string CertificateId, string CertificatePath, string KeyPath)
{
    /// <summary>The certificate with its key, for the device's TLS connection.</summary>
    public X509Certificate2 LoadWithKey() => MqttStack.LoadPem(CertificatePath, KeyPath);
}
