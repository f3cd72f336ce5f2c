using System.Net;
using System.Text;
using System.Text.Json;
using LambdaSuite.TestKit;

namespace IotRegistry.Tests.Support;

/// <summary>
/// Secrets in the local stack's moto (a third-party AWS emulator), made and rotated through its Secrets Manager JSON
/// API directly, not through the function's client, so the function reads what an outside party wrote. moto checks
/// no signature, so a dummy Authorization header only names the region.
/// </summary>
public sealed class MotoSecrets : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public Uri Endpoint { get; } = LocalStack.Moto;

    /// <summary>The environment a function under test needs to read secrets from moto.</summary>
    public (string Name, string? Value) EndpointVariable => ("AWS_ENDPOINT_URL_SECRETS_MANAGER", Endpoint.ToString());

    public void Dispose() => _http.Dispose();

    /// <summary>Creates a secret holding <paramref name="value"/> as its AWSCURRENT version; returns its ARN.</summary>
    public async Task<string> CreateSecretAsync(string value)
    {
        using var answer = await CallAsync("CreateSecret", new Dictionary<string, string> { ["Name"] = "iot/activation-code-key-" + Guid.NewGuid().ToString("N"), ["SecretString"] = value });
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
}
