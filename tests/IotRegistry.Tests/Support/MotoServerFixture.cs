using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace IotRegistry.Tests.Support;

/// <summary>
/// moto's server (a third-party AWS emulator, preinstalled with python 3) on 127.0.0.1 and a free port, for one
/// test class: started by this fixture, given 30 s to answer, and stopped by its process id afterwards. Secrets are
/// created and rotated through its Secrets Manager JSON API (moto checks no signature, so a dummy Authorization header
/// names the region).
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? _process;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server could not be started.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + s_startTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode} before answering on port {port}.");
            }

            try
            {
                using var response = await _http.GetAsync(new Uri(Endpoint, "moto-api/"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        await DisposeAsync();
        throw new TimeoutException($"moto_server did not answer on port {port} within {s_startTimeout.TotalSeconds:0} s.");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _process = null;
        _http.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The environment a function under test needs to read secrets from this server.</summary>
    public (string Name, string? Value) EndpointVariable => ("AWS_ENDPOINT_URL_SECRETS_MANAGER", Endpoint.ToString());

    /// <summary>Creates a secret holding <paramref name="value"/> as its AWSCURRENT version; returns its ARN.</summary>
    public async Task<string> CreateSecretAsync(string value)
    {
        using var answer = await CallAsync("CreateSecret", new Dictionary<string, string> { ["Name"] = "iot/activation-code-key-" + Guid.NewGuid().ToString("N")[..8], ["SecretString"] = value });
        return answer.RootElement.GetProperty("ARN").GetString()!;
    }

    /// <summary>A rotation's outcome: <paramref name="value"/> becomes AWSCURRENT, the former current AWSPREVIOUS.</summary>
    public async Task RotateAsync(string arn, string value)
    {
        using var _ = await CallAsync("PutSecretValue", new Dictionary<string, string> { ["SecretId"] = arn, ["SecretString"] = value });
    }

    private async Task<JsonDocument> CallAsync(string operation, Dictionary<string, string> body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "secretsmanager." + operation);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261204/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"moto {operation}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
