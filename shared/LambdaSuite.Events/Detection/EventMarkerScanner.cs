using System.Text.Json;

namespace LambdaSuite.Events.Detection;

/// <summary>
/// Reads <see cref="EventMarkers"/> from raw event JSON in one forward pass over the top level, reading no further
/// than the shape needs: a <c>Records</c> array decides the shape by its first record, so the scan stops at that
/// record's event source and the records after it are left to the one parser that reads them. Any other shape's
/// markers may sit anywhere at the top level, so those events are read to their end (values skipped, never
/// materialised), which also proves them one well-formed JSON value.
/// </summary>
internal static class EventMarkerScanner
{
    /// <summary>
    /// Classifying needs no depth limit: the reader keeps one bit per open level, so depth costs memory only in
    /// proportion to the event's size. Each function's own parser bounds depth where it builds objects; a legal
    /// DynamoDB item nested 32 levels is about 70 JSON levels deep in a Streams event, past the reader's default 64,
    /// and must not be taken for "not JSON".
    /// </summary>
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = int.MaxValue };

    /// <summary>
    /// False when the bytes read are not well-formed JSON (for a records event, only its start up to the first
    /// record's event source is read: a fault after it is the parser's to report). <paramref name="bytesRead"/> says
    /// how far the scan went.
    /// </summary>
    public static bool TryScan(ReadOnlySpan<byte> json, out EventMarkers markers, out int bytesRead)
    {
        markers = default;
        var reader = new Utf8JsonReader(json, s_options);
        try
        {
            if (!reader.Read())
            {
                bytesRead = (int)reader.BytesConsumed;
                return false;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                markers = ScanRoot(ref reader);
                if (markers.HasRecords)
                {
                    bytesRead = (int)reader.BytesConsumed;
                    return true;
                }
            }
            else
            {
                reader.Skip();
            }

            // Anything after the root value (a second value, stray bytes) makes Read throw.
            var wellFormed = !reader.Read();
            bytesRead = (int)reader.BytesConsumed;
            return wellFormed;
        }
        catch (JsonException)
        {
            markers = default;
            bytesRead = (int)reader.BytesConsumed;
            return false;
        }
        catch (InvalidOperationException)
        {
            // The reader checks UTF-8 inside strings only when one is read as text: a string that is not UTF-8
            // makes the document not JSON either (RFC 8259 §8.1).
            markers = default;
            bytesRead = (int)reader.BytesConsumed;
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
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    // The first record decides, whatever else the event holds: stop here.
                    return markers with { HasRecords = true, FirstRecordEventSource = FirstRecordEventSource(ref reader) };
                }

                reader.Skip();
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
            else if (reader.ValueTextEquals("templateArn"u8))
            {
                markers = markers with { HasTemplateArn = ReadPresentAndSkip(ref reader) };
            }
            else if (reader.ValueTextEquals("certificateId"u8))
            {
                markers = markers with { HasCertificateId = ReadPresentAndSkip(ref reader) };
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

    /// <summary>
    /// The first record's event source, read from the array's start up to that field and no further; null when the
    /// array is empty, its first element is not an object, or that object names no source.
    /// </summary>
    private static string? FirstRecordEventSource(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if ((reader.ValueTextEquals("EventSource"u8) || reader.ValueTextEquals("eventSource"u8)) && ReadStringOrSkip(ref reader) is { } eventSource)
            {
                return eventSource;
            }

            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Skip();
            }
        }

        return null;
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
