using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LambdaSuite.Harness.Runtime;

/// <summary>
/// What the loopback fronts (<see cref="AlbFrontServer"/>, <see cref="HttpApiFrontServer"/>) do with a function's HTTP
/// answer, as the ALB and API Gateway do: its <c>statusCode</c>, single-value <c>headers</c> and <c>body</c> (decoded when
/// <c>isBase64Encoded</c>) become the response.
/// </summary>
public static class LambdaHttpAnswer
{
    public static async Task WriteAsync(HttpContext context, ReadOnlyMemory<byte> answerJson)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var answer = JsonDocument.Parse(answerJson);
        var root = answer.RootElement;
        context.Response.StatusCode = root.GetProperty("statusCode").GetInt32();
        if (root.TryGetProperty("headers", out var answerHeaders) && answerHeaders.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in answerHeaders.EnumerateObject())
            {
                context.Response.Headers[header.Name] = header.Value.GetString();
            }
        }

        var text = root.TryGetProperty("body", out var bodyText) ? bodyText.GetString() ?? "" : "";
        var bytes = root.TryGetProperty("isBase64Encoded", out var encoded) && encoded.ValueKind == JsonValueKind.True ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
        if (bytes.Length > 0)
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
