using System.Text.Json;
using IotRegistry.Devices;
using IotRegistry.Json;

namespace IotRegistry.Iot;

/// <summary>
/// What the IoT door returns: the same outcomes as the HTTP door, as data. <see cref="Error"/> is null on
/// success and otherwise a stable code (the outcome name, or the input error code for refused input).
/// </summary>
public sealed record IotResult(
    string Operation,
    string Outcome,
    int Status,
    string? SerialNumber = null,
    string? ClientId = null,
    string? Error = null,
    string? Field = null,
    string? Message = null,
    long? RetryAfterSeconds = null,
    DeviceView? Device = null)
{
    /// <summary>Writes this result as the function answers it (source-generated, AOT-safe).</summary>
    public void WriteJson(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, this, IotRegistryJsonContext.Default.IotResult);
}
