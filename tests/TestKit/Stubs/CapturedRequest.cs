using System.Text;
using LambdaSuite.Harness.Signing;

namespace LambdaSuite.TestKit.Stubs;

/// <summary>A request exactly as the stub received it, with the stub's verdict on its signature.</summary>
public sealed record CapturedRequest(
    string Method,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    SigV4Check Signature)
{
    /// <summary>The path as sent, still percent-encoded.</summary>
    public string RawPath => RawTarget.Split('?', 2)[0];

    /// <summary>The query as sent, without '?'; empty when there is none.</summary>
    public string RawQuery => RawTarget.Contains('?', StringComparison.Ordinal) ? RawTarget.Split('?', 2)[1] : string.Empty;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Target => Header("X-Amz-Target");

    public string? ContentType => Header("Content-Type");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Query or form parameters, decoded, in order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseForm(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string>(Uri.UnescapeDataString(kv[0]), kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : string.Empty))
            .ToArray();

    public IReadOnlyDictionary<string, string> FormParameters() => ParseForm(BodyText).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> QueryParameters() => ParseForm(RawQuery).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
