using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaSuite.Harness.Runtime;

namespace LambdaSuite.Demo;

/// <summary>
/// A function's answer read for display: an HTTP response (status, header mode, <c>Retry-After</c>, body) or an
/// IoT-door result (its <c>status</c> field). A runtime error reads as status 0.
/// </summary>
public sealed record DemoAnswer(int Status, string HeaderMode, string? RetryAfter, string Body)
{
    public static DemoAnswer Read(InvocationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.IsError)
        {
            return new DemoAnswer(0, "error", null, outcome.Error?.ErrorMessage ?? "");
        }

        using var document = JsonDocument.Parse(outcome.Body);
        var root = document.RootElement;
        if (root.TryGetProperty("statusCode", out var statusCode))
        {
            string? retryAfter = null;
            var mode = "none";
            if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
            {
                mode = "multiValueHeaders";
                retryAfter = multi.TryGetProperty("Retry-After", out var values) && values.GetArrayLength() > 0 ? values[0].GetString() : null;
            }
            else if (root.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
            {
                mode = "headers";
                retryAfter = headers.TryGetProperty("Retry-After", out var value) ? value.GetString() : null;
            }

            var body = root.TryGetProperty("body", out var text) ? text.GetString() ?? "" : "";
            if (root.TryGetProperty("isBase64Encoded", out var encoded) && encoded.ValueKind == JsonValueKind.True)
            {
                body = Encoding.UTF8.GetString(Convert.FromBase64String(body));
            }

            return new DemoAnswer(statusCode.GetInt32(), mode, retryAfter, body);
        }

        return new DemoAnswer(root.TryGetProperty("status", out var status) ? status.GetInt32() : 0, "iot", null, Encoding.UTF8.GetString(outcome.Body));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Status} [{HeaderMode}]{(RetryAfter is null ? "" : " Retry-After " + RetryAfter)} {Body}");
}
