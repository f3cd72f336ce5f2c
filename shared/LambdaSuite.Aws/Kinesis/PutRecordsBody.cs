using System.Buffers;
using System.Text.Json;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Kinesis;

/// <summary>
/// A PutRecords request body written once, straight into a pooled buffer: no request objects, no intermediate
/// strings. Data already base64 in the caller's hands (a Kinesis event carries it so) is copied through as is;
/// raw data is encoded on the way. Send it with <see cref="KinesisClient.PutRecordsAsync(PutRecordsBody, CancellationToken)"/>
/// and dispose it after the call.
/// </summary>
public sealed class PutRecordsBody : IDisposable
{
    private static readonly JsonEncodedText s_streamName = JsonEncodedText.Encode("StreamName");
    private static readonly JsonEncodedText s_streamArn = JsonEncodedText.Encode("StreamARN");
    private static readonly JsonEncodedText s_records = JsonEncodedText.Encode("Records");
    private static readonly JsonEncodedText s_data = JsonEncodedText.Encode("Data");
    private static readonly JsonEncodedText s_partitionKey = JsonEncodedText.Encode("PartitionKey");
    private static readonly JsonEncodedText s_explicitHashKey = JsonEncodedText.Encode("ExplicitHashKey");

    private static readonly SearchValues<byte> s_base64Characters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="u8);

    private readonly PooledBufferWriter _buffer;
    private readonly Utf8JsonWriter _writer;
    private bool _completed;

    /// <param name="streamName">The stream's name, or null when <paramref name="streamArn"/> names it.</param>
    /// <param name="streamArn">The stream's ARN, or null.</param>
    /// <param name="sizeHint">Expected body size (sum of the base64 data plus keys), to rent one buffer up front.</param>
    public PutRecordsBody(string? streamName, string? streamArn = null, int sizeHint = 0)
    {
        if (streamName is null && streamArn is null)
        {
            throw new ArgumentException("PutRecords needs a stream name or ARN.", nameof(streamName));
        }

        _buffer = new PooledBufferWriter(sizeHint + 256);
        // The writer's own checks are skipped: this class emits one fixed shape, and the base64 it copies is checked.
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _writer.WriteStartObject();
        if (streamName is not null)
        {
            _writer.WriteString(s_streamName, streamName);
        }

        if (streamArn is not null)
        {
            _writer.WriteString(s_streamArn, streamArn);
        }

        _writer.WriteStartArray(s_records);
    }

    public int Count { get; private set; }

    /// <summary>Adds a record whose data is raw bytes (encoded to base64 here).</summary>
    public void Add(ReadOnlySpan<byte> data, string partitionKey, string? explicitHashKey = null)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        _writer.WriteStartObject();
        _writer.WriteBase64String(s_data, data);
        WriteKeys(partitionKey, explicitHashKey);
    }

    /// <summary>
    /// Adds a record whose data is already base64: <paramref name="quotedBase64"/> is a JSON string token (the quotes
    /// included) holding only base64 characters, such as a Kinesis event's <c>data</c> value, copied through as is.
    /// </summary>
    public void AddBase64(ReadOnlySpan<byte> quotedBase64, string partitionKey, string? explicitHashKey = null)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        if (!IsQuotedBase64(quotedBase64))
        {
            throw new ArgumentException("Not a JSON string of base64 characters.", nameof(quotedBase64));
        }

        _writer.WriteStartObject();
        _writer.WritePropertyName(s_data);
        _writer.WriteRawValue(quotedBase64, skipInputValidation: true);
        WriteKeys(partitionKey, explicitHashKey);
    }

    /// <summary>
    /// Adds a record whose data is base64 the caller has already checked (whole groups of the alphabet, padding only
    /// at the end), taken from an unescaped JSON string token (the quotes included), such as a Kinesis event's
    /// <c>data</c> value read with <see cref="Utf8JsonReader"/>: that read and that check covered every character,
    /// so only the quotes and the length are checked here, not each character again (the scan cost as much as a
    /// decode).
    /// </summary>
    public void AddCheckedBase64(ReadOnlySpan<byte> quotedBase64, string partitionKey, string? explicitHashKey = null)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        if (quotedBase64.Length < 2 || quotedBase64[0] != (byte)'"' || quotedBase64[^1] != (byte)'"' || (quotedBase64.Length - 2) % 4 != 0)
        {
            throw new ArgumentException("Not a JSON string of whole base64 groups.", nameof(quotedBase64));
        }

        _writer.WriteStartObject();
        _writer.WritePropertyName(s_data);
        _writer.WriteRawValue(quotedBase64, skipInputValidation: true);
        WriteKeys(partitionKey, explicitHashKey);
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
    }

    /// <summary>
    /// True for <c>"…"</c> holding only base64 characters (alphabet and <c>=</c>), a whole number of 4-character
    /// groups: enough to keep the body valid JSON. A vectorized scan; the caller decoded the same text already, which
    /// checked it fully.
    /// </summary>
    public static bool IsQuotedBase64(ReadOnlySpan<byte> token) =>
        token.Length >= 2 && token[0] == (byte)'"' && token[^1] == (byte)'"' && (token.Length - 2) % 4 == 0
        && token[1..^1].IndexOfAnyExcept(s_base64Characters) < 0;

    private void WriteKeys(string partitionKey, string? explicitHashKey)
    {
        _writer.WriteString(s_partitionKey, partitionKey);
        if (explicitHashKey is not null)
        {
            _writer.WriteString(s_explicitHashKey, explicitHashKey);
        }

        _writer.WriteEndObject();
        Count++;
    }
}
