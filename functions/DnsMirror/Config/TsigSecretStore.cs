using System.Collections.Concurrent;
using System.Text.Json;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.SecretsManager;

namespace DnsMirror.Config;

/// <summary>
/// TSIG secrets kept in AWS Secrets Manager, fetched with GetSecretValue in the secret's own region and cached for
/// the life of the container (a rotated secret is picked up by the next cold start). The secret is either a
/// SecretString holding the base64 key itself, a SecretString holding a JSON object whose <c>"secret"</c> member is
/// the base64 key (<c>{"secret":"c2VjcmV0..."}</c>, so a secret may carry other members beside it), or a
/// SecretBinary holding the raw key octets. Any failure is a <see cref="ZoneConfigException"/> naming the secret:
/// the zone fails before anything is transferred or applied.
/// </summary>
internal sealed class TsigSecretStore(Func<string, ISecretsManagerClient> clientForRegion)
{
    /// <summary>The JSON member holding the base64 key when the SecretString is a JSON object.</summary>
    public const string JsonMember = "secret";

    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    public static TsigSecretStore Create(AwsClientFactory aws)
    {
        ArgumentNullException.ThrowIfNull(aws);
        return new TsigSecretStore(region => aws.CreateSecretsManager(region));
    }

    /// <summary>The base64 TSIG secret the ARN names; cached after the first successful fetch.</summary>
    public async Task<string> GetBase64Async(string secretArn, string zone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretArn);
        var arnText = secretArn.Trim();
        if (_cache.TryGetValue(arnText, out var cached))
        {
            return cached;
        }

        var arn = SecretArn.Parse(arnText);
        GetSecretValueResponse response;
        try
        {
            response = await clientForRegion(arn.Region).GetSecretValueAsync(new GetSecretValueRequest { SecretId = arnText }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            throw new ZoneConfigException($"{zone}: Tsig.SecretArn {arnText}: Secrets Manager answered {e.ErrorCode}: {e.ErrorMessage}", e);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ZoneConfigException($"{zone}: Tsig.SecretArn {arnText}: Secrets Manager could not be reached: {e.Message}", e);
        }

        var secret = Read(response, arnText, zone);
        _cache[arnText] = secret;
        return secret;
    }

    private static string Read(GetSecretValueResponse response, string arn, string zone)
    {
        if (response.SecretBinary is { Length: > 0 } binary)
        {
            return Convert.ToBase64String(binary);
        }

        var text = response.SecretString?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new ZoneConfigException($"{zone}: Tsig.SecretArn {arn}: the secret holds neither SecretString nor SecretBinary.");
        }

        if (!text.StartsWith('{'))
        {
            return text;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty(JsonMember, out var member) && member.ValueKind == JsonValueKind.String && member.GetString() is { Length: > 0 } value
                ? value
                : throw new ZoneConfigException($"{zone}: Tsig.SecretArn {arn}: the secret is JSON without a string member \"{JsonMember}\" holding the base64 key.");
        }
        catch (JsonException e)
        {
            throw new ZoneConfigException($"{zone}: Tsig.SecretArn {arn}: the SecretString starts with '{{' but is not JSON: {e.Message}", e);
        }
    }
}
