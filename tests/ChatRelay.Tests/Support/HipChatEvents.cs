using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRelay.Tests.Support;

/// <summary>
/// HTTP events as ALB (single- or multi-value headers) and the HTTP API deliver them, around a HipChat request: the
/// method, the raw path (percent-encoded as the caller wrote it), query, headers and body. Bodies are the samples
/// under TestData/HipChat, written from HipChat's v2 documentation.
/// </summary>
public static class HipChatEvents
{
    public const string TraceId = "Root=1-67891233-abcdef012345678912345678";

    public static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "HipChat", name));

    public static byte[] Alb(string method, string path, string? body, IDictionary<string, string>? headers = null, IDictionary<string, string>? query = null, bool multiValue = false, string traceId = TraceId)
    {
        var allHeaders = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = "chat-relay.internal.example",
            ["x-amzn-trace-id"] = traceId,
            ["x-forwarded-for"] = "10.0.1.17",
        };
        var root = new JsonObject
        {
            ["requestContext"] = new JsonObject { ["elb"] = new JsonObject { ["targetGroupArn"] = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/chat-relay/6d0ecf831eec9f09" } },
            ["httpMethod"] = method,
            ["path"] = path,
            ["body"] = body ?? string.Empty,
            ["isBase64Encoded"] = false,
        };
        // ALB passes query names and values percent-encoded.
        var encodedQuery = (query ?? new Dictionary<string, string>()).ToDictionary(p => Uri.EscapeDataString(p.Key), p => Uri.EscapeDataString(p.Value));
        if (multiValue)
        {
            root["multiValueHeaders"] = ToMulti(allHeaders);
            root["multiValueQueryStringParameters"] = ToMulti(encodedQuery);
        }
        else
        {
            root["headers"] = ToSingle(allHeaders);
            root["queryStringParameters"] = ToSingle(encodedQuery);
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public static byte[] HttpApi(string method, string path, string? body, IDictionary<string, string>? headers = null, string rawQuery = "", string requestId = "JKJaXmPLvHcESHA=")
    {
        var root = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "POST /v2/{proxy+}",
            ["rawPath"] = path,
            ["rawQueryString"] = rawQuery,
            ["headers"] = ToSingle(headers ?? new Dictionary<string, string>()),
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "123456789012",
                ["apiId"] = "r3pmxmplak",
                ["http"] = new JsonObject { ["method"] = method, ["path"] = path, ["protocol"] = "HTTP/1.1", ["sourceIp"] = "198.51.100.9", ["userAgent"] = "curl/8.5.0" },
                ["requestId"] = requestId,
                ["routeKey"] = "POST /v2/{proxy+}",
                ["stage"] = "$default",
                ["timeEpoch"] = 1796000000000,
            },
            ["body"] = body ?? string.Empty,
            ["isBase64Encoded"] = false,
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>The answer's status, headers (flattened, lower-case names) and body, whichever format it came in.</summary>
    public static (int Status, Dictionary<string, string> Headers, string Body, string Mode) Read(byte[] answer)
    {
        using var document = JsonDocument.Parse(answer);
        var root = document.RootElement;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var mode = "none";
        if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
        {
            mode = "multiValueHeaders";
            foreach (var p in multi.EnumerateObject())
            {
                headers[p.Name] = string.Join(", ", p.Value.EnumerateArray().Select(v => v.GetString()));
            }
        }
        else if (root.TryGetProperty("headers", out var single) && single.ValueKind == JsonValueKind.Object)
        {
            mode = "headers";
            foreach (var p in single.EnumerateObject())
            {
                headers[p.Name] = p.Value.GetString()!;
            }
        }

        var body = root.TryGetProperty("body", out var b) ? b.GetString() ?? string.Empty : string.Empty;
        return (root.GetProperty("statusCode").GetInt32(), headers, body, mode);
    }

    private static JsonObject ToSingle(IDictionary<string, string> values)
    {
        var node = new JsonObject();
        foreach (var (name, value) in values)
        {
            node[name] = value;
        }

        return node;
    }

    private static JsonObject ToMulti(IDictionary<string, string> values)
    {
        var node = new JsonObject();
        foreach (var (name, value) in values)
        {
            node[name] = new JsonArray(value);
        }

        return node;
    }
}
