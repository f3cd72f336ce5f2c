using System.Globalization;
using System.Text;
using System.Text.Json;
using IotRegistry.Devices;
using IotRegistry.Iot;

namespace LambdaSuite.Cli.Devices;

/// <summary>How the devices commands print devices and outcomes. Built on <see cref="DeviceView"/>, which never holds a code or hash.</summary>
public static class DeviceText
{
    public static string Table(IReadOnlyList<DeviceView> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"serialNumber",-20} {"clientId",-20} {"activated",-9} {"owner",-26} registeredAt");
        foreach (var d in devices)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{d.SerialNumber,-20} {d.ClientId,-20} {(d.Activated ? "yes" : "no"),-9} {d.Owner ?? "-",-26} {d.RegisteredAt}");
        }

        text.Append(CultureInfo.InvariantCulture, $"{devices.Count} device(s)");
        return text.ToString();
    }

    public static string Describe(DeviceView device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{device.SerialNumber} / {device.ClientId}: {device.Device ?? "-"} ({device.Type ?? "-"}), endpoint {device.Endpoint ?? "-"}\n"
            + $"  registered {device.RegisteredAt}, {(device.Activated ? $"activated {device.ActivatedAt} by {device.Owner}" : "not activated")}");
    }

    /// <summary>One line for an IoT-door result: outcome, status, and the error and its field when refused.</summary>
    public static string Outcome(IotResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var line = string.Create(CultureInfo.InvariantCulture, $"{result.Outcome} ({result.Status})");
        if (result.Error is not null && result.Error != result.Outcome)
        {
            line += " " + result.Error;
        }

        if (result.Field is not null)
        {
            line += " field " + result.Field;
        }

        if (result.RetryAfterSeconds is { } retry)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", retry after {retry} s");
        }

        return line;
    }

    public static void WriteView(Utf8JsonWriter writer, DeviceView device)
    {
        ArgumentNullException.ThrowIfNull(device);
        device.WriteJson(writer);
    }

    public static void WriteResult(Utf8JsonWriter writer, IotResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.WriteJson(writer);
    }
}
