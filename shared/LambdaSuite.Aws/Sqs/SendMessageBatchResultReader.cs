using System.Text.Json;

namespace LambdaSuite.Aws.Sqs;

/// <summary>
/// Reads a SendMessageBatch answer of the common shape, every entry enqueued, straight from its bytes with a
/// <see cref="Utf8JsonReader"/>, without the serializer's metadata walk: an object with a <c>Successful</c> array of
/// entries holding only string members SQS sends (<c>Id</c>, <c>MessageId</c>, the MD5 digests, <c>SequenceNumber</c>; the
/// system attributes' digest is skipped as the serializer skips it)
/// and, if present, an empty <c>Failed</c> array. Anything else makes <see cref="TryRead"/> false and goes to the
/// source-generated reader: a failed entry, an unknown or repeated member, a null, a missing <c>Id</c> or
/// <c>MessageId</c>, malformed JSON. Where both read an answer they give the same result; tests hold them to it.
/// </summary>
public static class SendMessageBatchResultReader
{
    public static bool TryRead(ReadOnlySpan<byte> body, out SendMessageBatchResponse response)
    {
        response = null!;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            List<SendMessageBatchResultEntry>? successful = null;
            var sawFailed = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("Successful"u8) && successful is null)
                {
                    successful = new List<SendMessageBatchResultEntry>(10);
                    if (!ReadEntries(ref reader, successful))
                    {
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("Failed"u8) && !sawFailed)
                {
                    // Only an empty list: failed entries are the full reader's.
                    sawFailed = true;
                    if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.EndArray)
                    {
                        return false;
                    }
                }
                else
                {
                    return false;
                }
            }

            // The object must close and nothing but white space follow it.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }

            response = new SendMessageBatchResponse { Successful = successful is null ? [] : [.. successful] };
            return true;
        }
        catch (JsonException)
        {
            // Malformed: the full reader says what is wrong.
            return false;
        }
    }

    private static bool ReadEntries(ref Utf8JsonReader reader, List<SendMessageBatchResultEntry> entries)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? id = null, messageId = null, md5OfBody = null, md5OfAttributes = null, sequenceNumber = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("MD5OfMessageSystemAttributes"u8))
                {
                    // Sent for messages with system attributes; the response type has no member for it, so both readers skip it.
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    continue;
                }

                ref var field = ref Field(ref reader, ref id, ref messageId, ref md5OfBody, ref md5OfAttributes, ref sequenceNumber, out var known);
                if (!known || field is not null || !reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                field = reader.GetString();
            }

            if (reader.TokenType != JsonTokenType.EndObject || id is null || messageId is null)
            {
                return false;
            }

            entries.Add(new SendMessageBatchResultEntry { Id = id, MessageId = messageId, MD5OfMessageBody = md5OfBody, MD5OfMessageAttributes = md5OfAttributes, SequenceNumber = sequenceNumber });
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    /// <summary>The slot of the member the reader is on; <paramref name="known"/> false for a member this reader does not take.</summary>
    private static ref string? Field(ref Utf8JsonReader reader, ref string? id, ref string? messageId, ref string? md5OfBody, ref string? md5OfAttributes, ref string? sequenceNumber, out bool known)
    {
        known = true;
        if (reader.ValueTextEquals("Id"u8))
        {
            return ref id;
        }

        if (reader.ValueTextEquals("MessageId"u8))
        {
            return ref messageId;
        }

        if (reader.ValueTextEquals("MD5OfMessageBody"u8))
        {
            return ref md5OfBody;
        }

        if (reader.ValueTextEquals("MD5OfMessageAttributes"u8))
        {
            return ref md5OfAttributes;
        }

        if (reader.ValueTextEquals("SequenceNumber"u8))
        {
            return ref sequenceNumber;
        }

        known = false;
        return ref id;
    }
}
