using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LambdaSuite.Harness.Iot;

/// <summary>
/// The devices' certificates under the stack's PKI folder (<c>devices/SERIAL.crt</c>, <c>.key</c>): issued by
/// <c>scripts/stack/mqtt-cert.sh --device</c> (openssl, the stack's CA), read back for the rule engine's
/// <c>principal()</c> and <c>clientid()</c>. Mosquitto tells a subscriber nothing about a message's publisher, so the
/// engine identifies it by the topic: the ACL lets only the certificate with CN = SERIAL publish on
/// <c>prefix/SERIAL/...</c>, so the certificate issued for SERIAL is the publisher's, and its UID the client id it was
/// issued for. What that cannot see: a device connecting with another MQTT client id than its certificate names
/// (mosquitto does not check the two against each other; AWS IoT's policy can).
/// </summary>
public sealed class DeviceCertificates
{
    private const string UidOid = "0.9.2342.19200300.100.1.1";
    private readonly MqttStack _stack;
    private readonly string _script;
    private readonly ConcurrentDictionary<string, (DateTime Written, DeviceCertificate Certificate)> _read = new(StringComparer.Ordinal);

    public DeviceCertificates(MqttStack stack, RepositoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(layout);
        _stack = stack;
        _script = layout.FullPath("scripts/stack/mqtt-cert.sh");
    }

    /// <summary>Issues (or re-issues) the certificate for <paramref name="serialNumber"/>, CN = the serial, UID = <paramref name="clientId"/>.</summary>
    public async Task<DeviceCertificate> IssueAsync(string serialNumber, string? clientId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serialNumber);
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(_script);
        start.ArgumentList.Add("--device");
        start.ArgumentList.Add(serialNumber);
        if (clientId is not null)
        {
            start.ArgumentList.Add(clientId);
        }

        // The script finds the CA under SUITE_STACK_HOME/mqtt/pki; the PKI folder the environment names is that.
        start.Environment["SUITE_STACK_HOME"] = Path.GetFullPath(Path.Combine(_stack.PkiFolder, "..", ".."));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started to issue a device certificate.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Issuing the certificate for device {serialNumber} failed: {(await error.ConfigureAwait(false)).Trim()}");
        }

        return Find(serialNumber) ?? throw new InvalidOperationException($"The certificate for device {serialNumber} was issued but cannot be read back from {_stack.DeviceFolder}.");
    }

    /// <summary>The certificate issued for <paramref name="serialNumber"/>, or null when none was.</summary>
    public DeviceCertificate? Find(string serialNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(serialNumber);
        if (serialNumber.Contains('/', StringComparison.Ordinal) || serialNumber.StartsWith('.'))
        {
            return null;
        }

        var path = Path.Combine(_stack.DeviceFolder, serialNumber + ".crt");
        var written = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : default;
        if (written == default)
        {
            return null;
        }

        if (_read.TryGetValue(serialNumber, out var known) && known.Written == written)
        {
            return known.Certificate;
        }

        using var certificate = X509CertificateLoader.LoadCertificateFromFile(path);
        var read = new DeviceCertificate(
            certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false),
            Uid(certificate),
            Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)),
            path,
            Path.ChangeExtension(path, ".key"));
        _read[serialNumber] = (written, read);
        return read;
    }

    private static string? Uid(X509Certificate2 certificate)
    {
        foreach (var name in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (name.GetSingleElementType().Value == UidOid)
            {
                return name.GetSingleElementValue();
            }
        }

        return null;
    }
}
