using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaSuite.Aws.Http;

/// <summary>AWS JSON protocols send timestamps as epoch seconds with a fraction (<c>1700000000.123</c>).</summary>
public sealed class EpochSecondsJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected epoch seconds, found {reader.TokenType}.");
        }

        // Decimal keeps the millisecond fraction exact, where a double would drift by a few ticks.
        var seconds = reader.GetDecimal();
        return DateTimeOffset.UnixEpoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue((value - DateTimeOffset.UnixEpoch).Ticks / (decimal)TimeSpan.TicksPerSecond);
    }
}
