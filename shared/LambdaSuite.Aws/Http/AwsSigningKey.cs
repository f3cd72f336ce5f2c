namespace LambdaSuite.Aws.Http;

/// <summary>
/// A derived SigV4 signing key and what it was derived for. The key depends only on the secret, the day, the
/// region and the service, so a handler derives it once a day per scope instead of four HMACs per request.
/// </summary>
internal sealed class AwsSigningKey(string secretKey, string date, string region, string service)
{
    public string SecretKey { get; } = secretKey;

    public string Date { get; } = date;

    public string Region { get; } = region;

    public string Service { get; } = service;

    public string Scope { get; } = AwsSigV4.Scope(date, region, service);

    public byte[] Key { get; } = AwsSigV4.DeriveKey(secretKey, date, region, service);

    /// <summary>Whether this key signs for the given secret (rotated credentials change it), day, region and service.</summary>
    public bool Fits(string secretKey, ReadOnlySpan<char> date, string region, string service) =>
        string.Equals(SecretKey, secretKey, StringComparison.Ordinal)
        && date.SequenceEqual(Date)
        && string.Equals(Region, region, StringComparison.Ordinal)
        && string.Equals(Service, service, StringComparison.Ordinal);
}
