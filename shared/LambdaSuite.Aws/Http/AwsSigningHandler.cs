using System.Globalization;
using Amazon.Runtime;

namespace LambdaSuite.Aws.Http;

/// <summary>
/// Signs every request with SigV4 (<see cref="AwsSigV4"/>) before it goes out. In place of AWSSDK.Core's
/// <c>SigV4SigningHandler</c>, which on every request copied the headers into a dictionary, built the canonical
/// request as strings and derived the signing key with four HMACs (perf: a third of the SNS sender's samples; 30 µs
/// and 9 KB per request against 13 µs and 3 KB here); this one derives the key once per day and scope and writes the canonical request into
/// pooled bytes. The wire is the same: the same headers signed, the same signing headers added in the same order
/// (<c>Authorization</c>, <c>X-Amz-Date</c>, <c>X-Amz-Content-SHA256</c>, <c>x-amz-security-token</c>); tests compare
/// both handlers' requests header by header. Credentials still come from the SDK's <see cref="AWSCredentials"/>,
/// resolved on every request so rotated ones apply; they are never logged.
/// </summary>
public sealed class AwsSigningHandler : DelegatingHandler
{
    /// <summary>Request option overriding the signing service (the same key the SDK's handler reads).</summary>
    public const string ServiceOptionKey = "Amazon.Runtime.Signing.Service";

    /// <summary>Request option overriding the signing region (the same key the SDK's handler reads).</summary>
    public const string RegionOptionKey = "Amazon.Runtime.Signing.Region";

    private const string SecurityTokenHeader = "x-amz-security-token";
    private static readonly HttpRequestOptionsKey<string> s_serviceOption = new(ServiceOptionKey);
    private static readonly HttpRequestOptionsKey<string> s_regionOption = new(RegionOptionKey);

    private readonly AWSCredentials _credentials;
    private readonly string _region;
    private readonly string _service;
    private readonly TimeProvider _time;
    private AwsSigningKey? _key;

    public AwsSigningHandler(AWSCredentials credentials, string region, string service, HttpMessageHandler innerHandler, TimeProvider? time = null)
        : base(innerHandler)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentException.ThrowIfNullOrEmpty(service);
        _credentials = credentials;
        _region = region;
        _service = service;
        _time = time ?? TimeProvider.System;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credentials = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
        var payloadHash = DeclaredPayloadHash(request);
        if (payloadHash is null)
        {
            // No hash given: the body is read (and so buffered for a resend) and hashed, as the SDK's handler does.
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            payloadHash = AwsPayloadHash.Of(body);
        }

        Sign(request, credentials, payloadHash);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credentials = _credentials.GetCredentials();
        var payloadHash = DeclaredPayloadHash(request);
        if (payloadHash is null)
        {
            // Buffered content completes synchronously; there is no synchronous buffering primitive to call instead.
            var body = request.Content is null ? [] : request.Content.ReadAsByteArrayAsync(cancellationToken).GetAwaiter().GetResult();
            payloadHash = AwsPayloadHash.Of(body);
        }

        Sign(request, credentials, payloadHash);
        return base.Send(request, cancellationToken);
    }

    private static string? DeclaredPayloadHash(HttpRequestMessage request) =>
        request.Headers.NonValidated.TryGetValues(AwsPayloadHash.HeaderName, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values.ToString())
            ? values.ToString().Trim()
            : null;

    private void Sign(HttpRequestMessage request, ImmutableCredentials credentials, string payloadHash)
    {
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("The request URI must be absolute to be signed.");
        }

        var service = request.Options.TryGetValue(s_serviceOption, out var overriddenService) && !string.IsNullOrEmpty(overriddenService) ? overriddenService : _service;
        var region = request.Options.TryGetValue(s_regionOption, out var overriddenRegion) && !string.IsNullOrEmpty(overriddenRegion) ? overriddenRegion : _region;
        var amzDate = _time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var key = _key;
        if (key is null || !key.Fits(credentials.SecretKey, amzDate.AsSpan(0, 8), region, service))
        {
            key = new AwsSigningKey(credentials.SecretKey, amzDate[..8], region, service);
            _key = key;
        }

        // Signing headers from an earlier pass never count: they are replaced below.
        request.Headers.Remove("Authorization");
        request.Headers.Remove("X-Amz-Date");
        request.Headers.Remove(SecurityTokenHeader);
        var token = credentials.UseToken ? credentials.Token : null;
        var headers = AwsSigningHeaders.Collect(request, uri, amzDate, payloadHash, token);
        var signedHeaders = AwsSigningHeaders.SignedList(headers);
        using var canonical = new PooledBufferWriter(512);
        AwsSigV4.WriteCanonicalRequest(canonical, request.Method.Method, uri, headers, signedHeaders, payloadHash);
        var signature = AwsSigV4.Signature(key.Key, amzDate, key.Scope, canonical.WrittenSpan);

        // The SDK's handler's order: each header removed, then appended.
        request.Headers.TryAddWithoutValidation("Authorization", AwsSigV4.Algorithm + " Credential=" + credentials.AccessKey + "/" + key.Scope + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.Remove(AwsPayloadHash.HeaderName);
        request.Headers.TryAddWithoutValidation(AwsPayloadHash.HeaderName, payloadHash);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation(SecurityTokenHeader, token);
        }
    }
}
