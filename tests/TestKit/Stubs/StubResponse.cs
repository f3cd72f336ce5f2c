using System.Text;

namespace LambdaSuite.TestKit.Stubs;

/// <summary>An answer the stub sends; tests script these to play throttling, 5xx, partial failures and errors.</summary>
public sealed record StubResponse(int Status, byte[] Body, string? ContentType = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static StubResponse Empty(int status = 200, IReadOnlyDictionary<string, string>? headers = null) => new(status, [], null, headers);

    public static StubResponse Json(string json, int status = 200, string contentType = "application/x-amz-json-1.1", IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, Encoding.UTF8.GetBytes(json), contentType, headers);

    public static StubResponse Xml(string xml, int status = 200, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, Encoding.UTF8.GetBytes(xml), "text/xml", headers);
}
