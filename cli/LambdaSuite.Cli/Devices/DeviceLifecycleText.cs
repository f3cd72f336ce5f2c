using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaSuite.Data.Devices;

namespace LambdaSuite.Cli.Devices;

/// <summary>
/// How the lifecycle commands print the HTTP API's answers. Only an allow-list of a device's fields is printed (no
/// owner, not even masked, and no endpoint), history actors that are owners are shown as "owner", and refusals are
/// the function's own sentence (which never holds a value) with the status and what to do.
/// </summary>
public static class DeviceLifecycleText
{
    /// <summary>The device fields the lifecycle commands print, in their order.</summary>
    public static IReadOnlyList<string> DeviceFields { get; } = ["serialNumber", "clientId", "device", "type", "certificateId", "activated", "registeredAt", "activatedAt", "deregisteredAt"];

    /// <summary>"activated 2026-…" / "not activated" / "deregistered 2026-…", with the registration time.</summary>
    public static string State(JsonElement device)
    {
        var text = new StringBuilder();
        if (Field(device, "deregisteredAt") is { } retired)
        {
            text.Append("deregistered ").Append(retired).Append(", ");
        }

        text.Append(device.TryGetProperty("activated", out var activated) && activated.ValueKind == JsonValueKind.True
            ? "activated " + (Field(device, "activatedAt") ?? "-")
            : "not activated");
        return text.Append(", registered ").Append(Field(device, "registeredAt") ?? "-").ToString();
    }

    /// <summary>The device's allow-listed fields as a JSON object.</summary>
    public static void WriteDevice(Utf8JsonWriter writer, JsonElement device)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var name in DeviceFields)
        {
            if (device.ValueKind == JsonValueKind.Object && device.TryGetProperty(name, out var value))
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>One history line as printed: an owner's (masked) address becomes "owner"; administrators' ARNs and certificate ids stay.</summary>
    public static (string At, string Action, string Door, string Actor, string Outcome) Line(JsonElement entry) =>
        (Field(entry, "at") ?? "-", Field(entry, "action") ?? "-", Field(entry, "door") ?? "-", Actor(Field(entry, "actor")), Field(entry, "outcome") ?? "-");

    public static string History(DeviceKey key, IReadOnlyList<JsonElement> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{key.SerialNumber} / {key.ClientId}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"at",-24} {"action",-18} {"door",-14} {"outcome",-12} actor");
        foreach (var entry in entries)
        {
            var (at, action, door, actor, outcome) = Line(entry);
            text.AppendLine(CultureInfo.InvariantCulture, $"{at,-24} {action,-18} {door,-14} {outcome,-12} {actor}");
        }

        return text.Append(CultureInfo.InvariantCulture, $"{entries.Count} line(s)").ToString();
    }

    /// <summary>The line for a refused request and its exit code: 2 for bad input, 1 for a refusal, 3 when the API could not do it.</summary>
    public static (string Line, int ExitCode) Refusal(DeviceKey key, DeviceAdminAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var code = answer.Text("error");
        var message = (answer.Text("message") ?? "no explanation given").ReplaceLineEndings(" ");
        var status = string.Create(CultureInfo.InvariantCulture, $"HTTP {answer.Status}{(code is null ? "" : " " + code)}");
        var device = $"{key.SerialNumber} / {key.ClientId}";
        return (answer.Status, code) switch
        {
            // API Gateway itself (no error code of the function's): IAM did not let the caller in.
            (403, null) => ($"the HTTP API refused the signed request ({status}: {message}); the credentials need execute-api:Invoke on the device routes", 1),
            (403, "administrator_required") => ($"{device}: the function did not see an administrator ({status}); --api must be the HTTP API's URL (its IAM routes), not the ALB's", 1),
            (404, null or "route_not_found") => ($"no such route on the HTTP API ({status}: {message}); check --api", 1),
            (429, _) => ($"{device}: {message} ({status}{(answer.RetryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $", retry after {wait.TotalSeconds:0} s") : "")})", 1),
            (400 or 415, _) => ($"{device}: {message} ({status}{(answer.Text("field") is { } field ? ", field " + field : "")})", 2),
            ( < 500, _) => ($"{device}: {message} ({status})", 1),
            _ => ($"{device}: the HTTP API could not do it ({status}: {message}); try again, and see the function's log if it persists", CommandFailure.ExitCode),
        };
    }

    private static string Actor(string? actor) => actor is null ? "-" : actor.Contains('@', StringComparison.Ordinal) ? "owner" : actor;

    private static string? Field(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
