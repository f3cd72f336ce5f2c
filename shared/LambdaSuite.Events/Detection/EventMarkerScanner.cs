using System.Text.Json;

namespace LambdaSuite.Events.Detection;

/// <summary>Reads <see cref="EventMarkers"/> from raw event JSON, validating the whole document on the way.</summary>
internal static class EventMarkerScanner
{
    /// <summary>
    /// Classifying needs no depth limit: the reader keeps one bit per open level, so depth costs memory only in
    /// proportion to the event's size. Each function's own parser bounds depth where it builds objects; a legal
    /// DynamoDB item nested 32 levels is about 70 JSON levels deep in a Streams event, past the reader's default 64,
    /// and must not be taken for "not JSON".
    /// </summary>
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = int.MaxValue };

    /// <summary>False when <paramref name="json"/> is not one well-formed JSON value.</summary>
    public static bool TryScan(ReadOnlySpan<byte> json, out EventMarkers markers)
    {
        markers = default;
        try
        {
            var reader = new Utf8JsonReader(json, s_options);
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                markers = ScanRoot(ref reader);
            }
            else
            {
                reader.Skip();
            }

            // Anything after the root value (a second value, stray bytes) makes Read throw.
            return !reader.Read();
        }
        catch (JsonException)
        {
            markers = default;
            return false;
        }
        catch (InvalidOperationException)
        {
            // The reader checks UTF-8 inside strings only when one is read as text: a string that is not UTF-8
            // makes the document not JSON either (RFC 8259 §8.1).
            markers = default;
            return false;
        }
    }

    private static EventMarkers ScanRoot(ref Utf8JsonReader reader)
    {
        var markers = new EventMarkers();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("version"u8))
            {
                markers = markers with { Version = ReadStringOrSkip(ref reader) };
            }
            else if (reader.ValueTextEquals("Records"u8))
            {
                reader.Read();
                markers = markers with
                {
                    HasRecords = reader.TokenType == JsonTokenType.StartArray,
                    FirstRecordEventSource = ScanRecords(ref reader),
                };
            }
            else if (reader.ValueTextEquals("detail-type"u8))
            {
                markers = markers with { DetailType = ReadStringOrSkip(ref reader) };
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                markers = markers with { Source = ReadStringOrSkip(ref reader) };
            }
            else if (reader.ValueTextEquals("detail"u8))
            {
                markers = markers with { HasDetail = ReadPresentAndSkip(ref reader) };
            }
            else if (reader.ValueTextEquals("httpMethod"u8))
            {
                markers = markers with { HasHttpMethod = ReadPresentAndSkip(ref reader) };
            }
            else if (reader.ValueTextEquals("rawPath"u8))
            {
                markers = markers with { HasRawPath = ReadPresentAndSkip(ref reader) };
            }
            else if (reader.ValueTextEquals("multiValueHeaders"u8))
            {
                markers = markers with { HasMultiValueHeaders = ReadPresentAndSkip(ref reader) };
            }
            else if (reader.ValueTextEquals("multiValueQueryStringParameters"u8))
            {
                markers = markers with { HasMultiValueQuery = ReadPresentAndSkip(ref reader) };
            }
            else if (reader.ValueTextEquals("requestContext"u8))
            {
                reader.Read();
                markers = ScanRequestContext(ref reader, markers);
            }
            else
            {
                reader.Skip();
            }
        }

        return markers;
    }

    private static EventMarkers ScanRequestContext(ref Utf8JsonReader reader, EventMarkers markers)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return markers;
        }

        markers = markers with { HasRequestContext = true };
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("elb"u8))
            {
                markers = markers with { ContextHasElb = ReadPresentAndSkip(ref reader) };
            }
            else if (reader.ValueTextEquals("http"u8))
            {
                markers = markers with { ContextHasHttp = ReadPresentAndSkip(ref reader) };
            }
            else if (reader.ValueTextEquals("resourceId"u8))
            {
                markers = markers with { ContextHasResourceId = ReadPresentAndSkip(ref reader) };
            }
            else if (reader.ValueTextEquals("httpMethod"u8))
            {
                markers = markers with { ContextHasHttpMethod = ReadPresentAndSkip(ref reader) };
            }
            else
            {
                reader.Skip();
            }
        }

        return markers;
    }

    /// <summary>Returns the first record's event source and leaves the reader on the array's end.</summary>
    private static string? ScanRecords(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        string? eventSource = null;
        var first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (first && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("EventSource"u8) || reader.ValueTextEquals("eventSource"u8))
                    {
                        eventSource = ReadStringOrSkip(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }

            first = false;
        }

        return eventSource;
    }

    private static string? ReadStringOrSkip(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    /// <summary>True when the property's value is anything but JSON null.</summary>
    private static bool ReadPresentAndSkip(ref Utf8JsonReader reader)
    {
        reader.Read();
        var present = reader.TokenType != JsonTokenType.Null;
        reader.Skip();
        return present;
    }
}
