using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Data.Devices;

namespace LambdaSuite.Cli.Devices;

/// <summary>
/// IotRegistry's administrator routes on the HTTP API (<c>AWS_IAM</c> authorisation): every request is SigV4-signed for
/// <c>execute-api</c> with the caller's own credentials (the SDK's default chain), so API Gateway authenticates the
/// caller and hands the function the caller's IAM ARN. Only that makes the function treat the caller as an
/// administrator, and the ARN is the actor its history line records; the CLI holds no table rights or key for this.
/// </summary>
public sealed partial class DeviceAdminApi(HttpClient http, Uri apiBase) : IDisposable
{
    /// <summary>The HTTP API's URL when <c>--api</c> is not given: the stack output <c>HttpApiEndpoint</c>.</summary>
    public const string UrlVariable = "IOT_REGISTRY_API_URL";

    /// <summary>Signing name of API Gateway's invoke API.</summary>
    public const string SigningService = "execute-api";

    public Uri ApiBase { get; } = apiBase;

    /// <summary>
    /// A client for <paramref name="url"/> (or <see cref="UrlVariable"/>); null with the reason when neither names a usable
    /// URL. Plain http only on loopback: a signed request and its answers (an unbind's new code) cross networks encrypted.
    /// </summary>
    public static DeviceAdminApi? Create(Func<string, string?> environment, string? url, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(environment);
        url = string.IsNullOrWhiteSpace(url) ? environment(UrlVariable) : url;
        if (string.IsNullOrWhiteSpace(url))
        {
            problem = $"no HTTP API given; pass --api with the stack output HttpApiEndpoint (https://ID.execute-api.REGION.amazonaws.com) or set {UrlVariable}.";
            return null;
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query))
        {
            problem = "the HTTP API's URL must be an absolute https URL without a query, like https://ID.execute-api.REGION.amazonaws.com.";
            return null;
        }

        if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            problem = "the HTTP API's URL must use https (plain http is allowed on loopback only, for the local front).";
            return null;
        }

        var region = RegionOf(uri) ?? new AwsEndpointResolver(environment).Region;
        var credentials = CredentialsFrom(environment);
        var client = new HttpClient(new AwsSigningHandler(credentials, region, SigningService, new SocketsHttpHandler()))
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        problem = null;
        return new DeviceAdminApi(client, new Uri(uri.AbsoluteUri.TrimEnd('/') + "/"));
    }

    public void Dispose() => http.Dispose();

    /// <summary>
    /// The key pair the command's environment names (what the SDK's chain reads first, here read from the environment the
    /// command was given), else the SDK's default chain (profile, SSO, container, instance).
    /// </summary>
    public static AWSCredentials CredentialsFrom(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("AWS_ACCESS_KEY_ID") is { Length: > 0 } keyId && environment("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } secret)
        {
            return environment("AWS_SESSION_TOKEN") is { Length: > 0 } token ? new SessionAWSCredentials(keyId, secret, token) : new BasicAWSCredentials(keyId, secret);
        }

        return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
    }

    /// <summary>The region in an execute-api host name (<c>ID.execute-api.REGION.amazonaws.com</c>), else null.</summary>
    public static string? RegionOf(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var match = ExecuteApiHost().Match(uri.Host);
        return match.Success ? match.Groups["region"].Value : null;
    }

    /// <summary>POSTs <paramref name="body"/> (JSON) to <c>devices/{sn}/{cid}/{action}</c>, or GETs it when <paramref name="body"/> is null.</summary>
    public async Task<DeviceAdminAnswer> SendAsync(DeviceKey key, string action, byte[]? body, string? query, CancellationToken cancellationToken)
    {
        var path = $"devices/{Uri.EscapeDataString(key.SerialNumber)}/{Uri.EscapeDataString(key.ClientId)}/{action}{(query is null ? "" : "?" + query)}";
        using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, new Uri(ApiBase, path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new("application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        JsonElement? json = null;
        if (bytes.Length > 0 && CliJson.IsJson(bytes))
        {
            using var document = JsonDocument.Parse(bytes);
            json = document.RootElement.Clone();
        }

        var retryAfter = response.Headers.RetryAfter?.Delta;
        return new DeviceAdminAnswer((int)response.StatusCode, json, response.StatusCode == HttpStatusCode.TooManyRequests ? retryAfter : null);
    }

    [GeneratedRegex(@"^[a-z0-9]+\.execute-api\.(?<region>[a-z]{2}(-[a-z]+)+-\d)\.amazonaws\.com(\.cn)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExecuteApiHost();
}
