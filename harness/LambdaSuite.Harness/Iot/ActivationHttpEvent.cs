using System.Buffers;
using System.Text.Json;

namespace LambdaSuite.Harness.Iot;

/// <summary>
/// An owner's activation as API Gateway's HTTP API (payload 2.0) hands it to IotRegistry:
/// <c>POST /devices/{serialNumber}/{clientId}/activation</c> with <c>{"activationCode", "email"}</c>.
/// </summary>
public static class ActivationHttpEvent
{
    public static byte[] Build(string serialNumber, string clientId, string activationCode, string email)
    {
        var path = $"/devices/{Uri.EscapeDataString(serialNumber)}/{Uri.EscapeDataString(clientId)}/activation";
        var body = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("activationCode", activationCode);
            writer.WriteString("email", email);
            writer.WriteEndObject();
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "2.0");
            writer.WriteString("routeKey", "POST /devices/{serialNumber}/{clientId}/activation");
            writer.WriteString("rawPath", path);
            writer.WriteString("rawQueryString", "");
            writer.WriteStartObject("headers");
            writer.WriteString("content-type", "application/json");
            writer.WriteString("host", "local.execute-api.us-east-1.amazonaws.com");
            writer.WriteEndObject();
            writer.WriteStartObject("requestContext");
            writer.WriteString("accountId", "123456789012");
            writer.WriteString("apiId", "local");
            writer.WriteString("domainName", "local.execute-api.us-east-1.amazonaws.com");
            writer.WriteStartObject("http");
            writer.WriteString("method", "POST");
            writer.WriteString("path", path);
            writer.WriteString("protocol", "HTTP/1.1");
            writer.WriteString("sourceIp", "127.0.0.1");
            writer.WriteString("userAgent", "suite-devices-simulate");
            writer.WriteEndObject();
            writer.WriteString("requestId", Guid.NewGuid().ToString("N"));
            writer.WriteString("routeKey", "POST /devices/{serialNumber}/{clientId}/activation");
            writer.WriteString("stage", "$default");
            writer.WriteNumber("timeEpoch", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            writer.WriteEndObject();
            writer.WriteString("body", body.WrittenSpan);
            writer.WriteBoolean("isBase64Encoded", false);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
