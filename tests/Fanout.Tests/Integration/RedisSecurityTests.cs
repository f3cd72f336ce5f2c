using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Fanout.Delivery;
using Fanout.Targets;
using LambdaSuite.Data.Fanout;

namespace Fanout.Tests.Integration;

/// <summary>
/// Redis's TLS and AUTH options against a real redis-server this class starts on loopback: TLS only (no plain port),
/// a password, and a certificate from a CA made here. The sender checks the certificate through the validation hook
/// with that CA as the only trusted root, so a wrong server certificate or password is a refused delivery.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RedisSecurityTests : IAsyncLifetime
{
    private const string Password = "fanout-test-secret";
    private readonly string _folder = Directory.CreateTempSubdirectory("fanout-redis-tls-").FullName;
    private X509Certificate2 _ca = null!;
    private Process? _server;
    private int _port;

    public async Task InitializeAsync()
    {
        _ca = WriteCertificates(_folder);
        _port = FreePort();
        _server = Process.Start(new ProcessStartInfo("redis-server")
        {
            ArgumentList =
            {
                "--bind", "127.0.0.1", "--port", "0", "--tls-port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tls-cert-file", Path.Combine(_folder, "server.pem"), "--tls-key-file", Path.Combine(_folder, "server.key"),
                "--tls-ca-cert-file", Path.Combine(_folder, "ca.pem"), "--tls-auth-clients", "no",
                "--requirepass", Password, "--save", "", "--appendonly", "no", "--dir", _folder,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        for (var i = 0; i < 100 && !await AcceptsAsync(_port); i++)
        {
            await Task.Delay(50);
        }
    }

    public Task DisposeAsync()
    {
        _server?.Kill();
        _server?.Dispose();
        _ca.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SendAsync_TlsWithPassword_SetsValuesReadBackOverTls()
    {
        var target = Target(Password);
        await using var connection = RedisSender.Connect(target, TrustOnly(_ca));

        var failures = await new RedisSender(connection, target).SendAsync([Message(0, "a", "1"), Message(1, "b", "2")], DateTimeOffset.UtcNow.AddSeconds(30), CancellationToken.None);

        Assert.Empty(failures);
        Assert.Equal(("$1", "1"), await GetAsync(connection, "fanout-tls:a"));
        Assert.Equal(("$1", "2"), await GetAsync(connection, "fanout-tls:b"));
    }

    [Fact]
    public async Task SendAsync_WrongPassword_FailsTheCallWithTheServersReason()
    {
        var target = Target("not-the-password");
        await using var connection = RedisSender.Connect(target, TrustOnly(_ca));

        var error = await Assert.ThrowsAsync<IOException>(() => new RedisSender(connection, target).SendAsync([Message(0, "a", "x")], DateTimeOffset.UtcNow.AddSeconds(30), CancellationToken.None));

        Assert.Contains("AUTH failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_CertificateFromAnotherCa_IsRefusedBeforeAnythingIsSent()
    {
        using var stranger = CreateCa("CN=Someone Else's CA");
        var target = Target(Password);
        await using var connection = RedisSender.Connect(target, TrustOnly(stranger));

        await Assert.ThrowsAsync<System.Security.Authentication.AuthenticationException>(
            () => new RedisSender(connection, target).SendAsync([Message(0, "refused", "x")], DateTimeOffset.UtcNow.AddSeconds(30), CancellationToken.None));
    }

    private FanoutTarget Target(string auth) => new()
    {
        SourceArn = StreamEvents.SourceArn,
        Id = "redis-tls",
        Type = FanoutTargetType.Redis,
        Destination = $"rediss://127.0.0.1:{_port}",
        Active = true,
        KeyPrefix = "fanout-tls:",
        Auth = auth,
    };

    private static OutgoingMessage Message(int index, string key, string body) => new(index, 1, Encoding.UTF8.GetBytes(body), key, null, "id-" + index);

    /// <summary>Chain to <paramref name="root"/> only, and the name must match: what the system store would check, with a private root.</summary>
    private static RemoteCertificateValidationCallback TrustOnly(X509Certificate2 root) => (_, certificate, _, errors) =>
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    };

    /// <summary>GET over the sender's own TLS connection: the bulk header (<c>$len</c>) and the value line.</summary>
    private static async Task<(string Header, string Value)> GetAsync(CacheConnection connection, string key)
    {
        var request = new System.Buffers.ArrayBufferWriter<byte>();
        RedisCommand.Write(request, "GET"u8.ToArray(), Encoding.UTF8.GetBytes(key));
        return await connection.ExchangeAsync(request.WrittenMemory, async (c, token) => (await c.ReadLineAsync(token), await c.ReadLineAsync(token)), CancellationToken.None);
    }

    private static X509Certificate2 WriteCertificates(string folder)
    {
        var ca = CreateCa("CN=Fanout Test CA");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var server = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1), [1, 2, 3, 4]);
        File.WriteAllText(Path.Combine(folder, "server.pem"), server.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "server.key"), key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(folder, "ca.pem"), ca.ExportCertificatePem());
        return ca;
    }

    private static X509Certificate2 CreateCa(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, critical: true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddHours(2));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
