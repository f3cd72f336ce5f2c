namespace LambdaSuite.Harness.Signing;

/// <summary>What the stub concluded about a request's SigV4 signature; <see cref="Reason"/> says why it failed.</summary>
public sealed record SigV4Check(
    bool IsValid,
    string? Reason,
    string? AccessKeyId = null,
    string? Region = null,
    string? Service = null,
    IReadOnlyList<string>? SignedHeaders = null,
    string? CanonicalRequest = null)
{
    public static SigV4Check Invalid(string reason) => new(false, reason);
}
