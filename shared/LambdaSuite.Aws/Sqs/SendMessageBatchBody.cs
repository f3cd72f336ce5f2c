using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Sqs;

/// <summary>
/// A SendMessageBatch request body written once, straight into a pooled buffer from each message's UTF-8 bytes: no
/// request objects, no UTF-16 string per message, no serializer pass per call. The bytes are those the serializer
/// writes for the equivalent <see cref="SendMessageBatchRequest"/> (same field order, same escaping: the writer's
/// default encoder escapes UTF-8 input exactly as it escapes the string). Send it with
/// <see cref="SqsClient.SendMessageBatchAsync(SendMessageBatchBody, CancellationToken)"/> and dispose it after the call.
/// </summary>
public sealed class SendMessageBatchBody : IDisposable
{
    private static readonly JsonEncodedText s_queueUrl = JsonEncodedText.Encode("QueueUrl");
    private static readonly JsonEncodedText s_entries = JsonEncodedText.Encode("Entries");
    private static readonly JsonEncodedText s_id = JsonEncodedText.Encode("Id");
    private static readonly JsonEncodedText s_messageBody = JsonEncodedText.Encode("MessageBody");
    private static readonly JsonEncodedText s_messageAttributes = JsonEncodedText.Encode("MessageAttributes");
    private static readonly JsonEncodedText s_dataType = JsonEncodedText.Encode("DataType");
    private static readonly JsonEncodedText s_stringValue = JsonEncodedText.Encode("StringValue");
    private static readonly JsonEncodedText s_string = JsonEncodedText.Encode("String");
    private static readonly JsonEncodedText s_deduplicationId = JsonEncodedText.Encode("MessageDeduplicationId");
    private static readonly JsonEncodedText s_groupId = JsonEncodedText.Encode("MessageGroupId");

    private readonly PooledBufferWriter _buffer;
    private readonly Utf8JsonWriter _writer;
    private byte[]? _scratch;
    private byte[]? _quoted;
    private bool _completed;

    /// <param name="queueUrl">The queue's URL.</param>
    /// <param name="sizeHint">Expected body size (the messages' bytes plus attributes), to rent one buffer up front.</param>
    public SendMessageBatchBody(string queueUrl, int sizeHint = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueUrl);
        _buffer = new PooledBufferWriter(sizeHint + 256);
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartObject();
        _writer.WriteString(s_queueUrl, queueUrl);
        _writer.WriteStartArray(s_entries);
    }

    public int Count { get; private set; }

    /// <summary>
    /// Adds an entry: its id is its position, its body <paramref name="body"/> as text (valid UTF-8) or, with
    /// <paramref name="asBase64"/>, the base64 text of those bytes; <paramref name="stringAttributes"/> become String
    /// message attributes in the order given.
    /// </summary>
    public void Add(ReadOnlySpan<byte> body, bool asBase64, IEnumerable<KeyValuePair<string, string>>? stringAttributes, string? deduplicationId = null, string? groupId = null)
    {
        _writer.WriteStartObject();
        Span<byte> id = stackalloc byte[11];
        Utf8Formatter.TryFormat(Count, id, out var idLength);
        _writer.WriteString(s_id, id[..idLength]);
        if (asBase64)
        {
            // As text, not WriteBase64String: that writes '+' raw, the serializer escapes it, and the bytes must match.
            var needed = Base64.GetMaxEncodedToUtf8Length(body.Length);
            if (_scratch is null || _scratch.Length < needed)
            {
                ReturnScratch();
                _scratch = ArrayPool<byte>.Shared.Rent(needed);
            }

            Base64.EncodeToUtf8(body, _scratch, out _, out var written);
            WriteMessageBody(_scratch.AsSpan(0, written));
        }
        else
        {
            WriteMessageBody(body);
        }

        if (stringAttributes is not null)
        {
            var any = false;
            foreach (var (name, value) in stringAttributes)
            {
                if (!any)
                {
                    _writer.WriteStartObject(s_messageAttributes);
                    any = true;
                }

                _writer.WriteStartObject(name);
                _writer.WriteString(s_dataType, s_string);
                _writer.WriteString(s_stringValue, value);
                _writer.WriteEndObject();
            }

            if (any)
            {
                _writer.WriteEndObject();
            }
        }

        if (deduplicationId is not null)
        {
            _writer.WriteString(s_deduplicationId, deduplicationId);
        }

        if (groupId is not null)
        {
            _writer.WriteString(s_groupId, groupId);
        }

        _writer.WriteEndObject();
        Count++;
    }

    /// <summary>Closes the body and returns it; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> Complete()
    {
        if (!_completed)
        {
            _writer.WriteEndArray();
            _writer.WriteEndObject();
            _writer.Flush();
            _completed = true;
        }

        return _buffer.WrittenMemory;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _buffer.Dispose();
        ReturnScratch();
        ReturnQuoted();
    }

    /// <summary>
    /// The MessageBody member, escaped a run at a time when it is all ASCII (the writer escapes byte by byte, the
    /// largest cost of a call before this) to the bytes the writer writes; otherwise by the writer.
    /// </summary>
    private void WriteMessageBody(ReadOnlySpan<byte> text)
    {
        var needed = JsonAsciiEscaper.MaxQuotedLength(text.Length);
        if (_quoted is null || _quoted.Length < needed)
        {
            ReturnQuoted();
            _quoted = ArrayPool<byte>.Shared.Rent(needed);
        }

        if (JsonAsciiEscaper.TryQuote(text, _quoted, out var written))
        {
            _writer.WritePropertyName(s_messageBody);
            _writer.WriteRawValue(_quoted.AsSpan(0, written), skipInputValidation: true);
        }
        else
        {
            _writer.WriteString(s_messageBody, text);
        }
    }

    private void ReturnScratch()
    {
        if (_scratch is { } scratch)
        {
            _scratch = null;
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private void ReturnQuoted()
    {
        if (_quoted is { } quoted)
        {
            _quoted = null;
            ArrayPool<byte>.Shared.Return(quoted);
        }
    }
}
