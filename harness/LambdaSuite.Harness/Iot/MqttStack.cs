using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;

namespace LambdaSuite.Harness.Iot;

/// <summary>
/// The local stack's mosquitto as <c>./suite stack up</c> describes it in .stack/env: <c>SUITE_MQTT</c> (host:port, TLS
/// only), <c>SUITE_MQTT_PKI</c> (the private CA's certificate, the service identities' certificates and keys, and
/// <c>devices/</c>) and <c>SUITE_MQTT_TOPIC_PREFIX</c> (the prefix its ACL was written for). Every client made here
/// presents a certificate and trusts only the stack's CA, as a device trusts only Amazon's root for AWS IoT.
/// </summary>
public sealed class MqttStack
{
    /// <summary>The rule engine's identity: the ACL lets it read every topic.</summary>
    public const string RuleEngineIdentity = "suite-rule-engine";

    /// <summary>The local IoT Data plane's identity: the ACL lets it write the answer topics only.</summary>
    public const string IotDataIdentity = "suite-iot-data";

    private readonly X509Certificate2 _authority;

    private MqttStack(string host, int port, string pkiFolder, string topicPrefix)
    {
        Host = host;
        Port = port;
        PkiFolder = pkiFolder;
        TopicPrefix = topicPrefix;
        _authority = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(pkiFolder, "ca.crt"));
    }

    public string Host { get; }

    public int Port { get; }

    public string PkiFolder { get; }

    public string TopicPrefix { get; }

    public string DeviceFolder => Path.Combine(PkiFolder, "devices");

    public static MqttStack FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var address = environment("SUITE_MQTT");
        var pki = environment("SUITE_MQTT_PKI");
        if (string.IsNullOrEmpty(address) || string.IsNullOrEmpty(pki))
        {
            throw new InvalidOperationException("SUITE_MQTT and SUITE_MQTT_PKI are not set: start the stack's MQTT broker with ./suite stack up and load its settings with eval \"$(./suite stack env)\".");
        }

        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"SUITE_MQTT ({address}) is not host:port; run ./suite stack up again to rewrite .stack/env.");
        }

        if (!File.Exists(Path.Combine(pki, "ca.crt")))
        {
            throw new InvalidOperationException($"SUITE_MQTT_PKI ({pki}) holds no ca.crt; run ./suite stack up to make the stack's MQTT CA.");
        }

        var prefix = environment("SUITE_MQTT_TOPIC_PREFIX");
        return new MqttStack(address[..colon], port, pki, string.IsNullOrEmpty(prefix) ? "devices" : prefix);
    }

    /// <summary>A service identity's certificate with its key (<c>NAME.crt</c>, <c>NAME.key</c> in the PKI folder).</summary>
    public X509Certificate2 LoadIdentity(string name) => LoadPem(Path.Combine(PkiFolder, name + ".crt"), Path.Combine(PkiFolder, name + ".key"));

    /// <summary>Client options for MQTT 5 over TLS with <paramref name="certificate"/>, trusting only the stack's CA.</summary>
    public MqttClientOptions ClientOptions(X509Certificate2 certificate, string clientId)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        return new MqttClientOptionsBuilder()
            .WithTcpServer(Host, Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithTimeout(TimeSpan.FromSeconds(15))
            .WithTlsOptions(tls => tls
                .UseTls()
                .WithTargetHost(Host)
                .WithClientCertificates([certificate])
                .WithCertificateValidationHandler(e => IsIssuedByAuthority(e.Certificate, e.SslPolicyErrors)))
            .Build();
    }

    internal static X509Certificate2 LoadPem(string certificatePath, string keyPath)
    {
        using var ephemeral = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);

        // SslStream on Linux presents a client certificate whose key is exportable; a PKCS#12 round trip makes it so.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The broker's certificate must chain to the stack's CA and name the host we dialled.</summary>
    private bool IsIssuedByAuthority(System.Security.Cryptography.X509Certificates.X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
