using System.Text.Json;

namespace Fanout.Tests.Integration;

/// <summary>
/// Records read through the DynamoDB Streams API (GetRecords answers them in the event's own shape), wrapped as the
/// event Lambda would send: each gets the stream's <c>eventSourceARN</c>, which GetRecords leaves out.
/// </summary>
public static class DynamoDbStreamEventBuilder
{
    public static byte[] Build(string streamArn, IEnumerable<JsonElement> records)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            foreach (var record in records)
            {
                writer.WriteStartObject();
                foreach (var property in record.EnumerateObject())
                {
                    property.WriteTo(writer);
                }

                writer.WriteString("eventSourceARN", streamArn);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
