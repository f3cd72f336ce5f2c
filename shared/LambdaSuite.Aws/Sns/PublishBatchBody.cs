using System.Buffers;
using System.Buffers.Text;
using System.Text;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Sns;

/// <summary>
/// A PublishBatch form body written once, straight into a pooled buffer from each message's UTF-8 bytes: no request
/// objects, no UTF-16 string per message, no list of parameters. The bytes are those <see cref="SnsClient"/> writes
/// for the equivalent <see cref="PublishBatchRequest"/> (same parameter order, attributes sorted by name, the same
/// RFC 3986 escaping). Send it with <see cref="SnsClient.PublishBatchAsync(PublishBatchBody, CancellationToken)"/>
/// and dispose it after the call.
/// </summary>
public sealed class PublishBatchBody : IDisposable
{
    private static readonly SearchValues<char> s_nameCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.");

    private readonly PooledBufferWriter _buffer;
    private byte[]? _scratch;

    /// <param name="topicArn">The topic's ARN.</param>
    /// <param name="sizeHint">Expected body size (the messages' bytes plus attributes), to rent one buffer up front.</param>
    public PublishBatchBody(string topicArn, int sizeHint = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicArn);
        _buffer = new PooledBufferWriter(sizeHint + 256);
        Parameter("Action", -1, "", "PublishBatch");
        Parameter("Version", -1, "", SnsClient.ApiVersion);
        Parameter("TopicArn", -1, "", topicArn);
    }

    public int Count { get; private set; }

    /// <summary>
    /// Adds an entry: its id is its position, its message <paramref name="message"/> as text (valid UTF-8) or, with
    /// <paramref name="asBase64"/>, the base64 text of those bytes; <paramref name="stringAttributes"/> become String
    /// message attributes (sent sorted by name, as the client sends a dictionary).
    /// </summary>
    public void Add(ReadOnlySpan<byte> message, bool asBase64, IEnumerable<KeyValuePair<string, string>>? stringAttributes, string? deduplicationId = null, string? groupId = null)
    {
        var member = Count + 1;
        Span<byte> id = stackalloc byte[11];
        Utf8Formatter.TryFormat(Count, id, out var idLength);
        Name("PublishBatchRequestEntries.member.", member, ".Id");
        Value(id[..idLength]);
        Name("PublishBatchRequestEntries.member.", member, ".Message");
        if (asBase64)
        {
            var needed = Base64.GetMaxEncodedToUtf8Length(message.Length);
            if (_scratch is null || _scratch.Length < needed)
            {
                ReturnScratch();
                _scratch = ArrayPool<byte>.Shared.Rent(needed);
            }

            Base64.EncodeToUtf8(message, _scratch, out _, out var written);
            Value(_scratch.AsSpan(0, written));
        }
        else
        {
            Value(message);
        }

        if (deduplicationId is not null)
        {
            Parameter("PublishBatchRequestEntries.member.", member, ".MessageDeduplicationId", deduplicationId);
        }

        if (groupId is not null)
        {
            Parameter("PublishBatchRequestEntries.member.", member, ".MessageGroupId", groupId);
        }

        if (stringAttributes is not null)
        {
            // Sorted by name, as the client sends a dictionary; an array already in order (the usual one or two
            // attributes) is read as it is, anything else copied and sorted.
            var sorted = stringAttributes as KeyValuePair<string, string>[];
            if (sorted is null || !IsSortedByName(sorted))
            {
                sorted = [.. stringAttributes];
                Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            }

            for (var n = 0; n < sorted.Length; n++)
            {
                Attribute(member, n + 1, ".Name", sorted[n].Key);
                Attribute(member, n + 1, ".Value.DataType", "String");
                Attribute(member, n + 1, ".Value.StringValue", sorted[n].Value);
            }
        }

        Count++;
    }

    /// <summary>The body; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> Complete() => _buffer.WrittenMemory;

    public void Dispose()
    {
        _buffer.Dispose();
        ReturnScratch();
    }

    private static bool IsSortedByName(KeyValuePair<string, string>[] attributes)
    {
        for (var i = 1; i < attributes.Length; i++)
        {
            if (string.CompareOrdinal(attributes[i - 1].Key, attributes[i].Key) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private void Attribute(int member, int entry, string field, string value)
    {
        Name("PublishBatchRequestEntries.member.", member, ".MessageAttributes.entry.");
        Escaped(entry, field);
        Text(value);
    }

    private void Parameter(string head, int number, string tail, string value)
    {
        Name(head, number, tail);
        Text(value);
    }

    /// <summary>Starts a parameter: <c>&amp;</c> unless first, then the name's parts escaped (a number only when not negative).</summary>
    private void Name(string head, int number, string tail)
    {
        if (_buffer.WrittenCount > 0)
        {
            _buffer.GetSpan(1)[0] = (byte)'&';
            _buffer.Advance(1);
        }

        Literal(head);
        Escaped(number, tail);
    }

    private void Escaped(int number, string tail)
    {
        if (number >= 0)
        {
            var span = _buffer.GetSpan(11);
            Utf8Formatter.TryFormat(number, span, out var written);
            _buffer.Advance(written);
        }

        Literal(tail);
    }

    /// <summary>
    /// A parameter name's fixed part, copied as is: every one is letters, digits and dots, which RFC 3986 leaves
    /// unescaped, so the escaping scan (about a tenth of the body's writing time, 8 names an entry) is skipped.
    /// </summary>
    private void Literal(string name)
    {
        System.Diagnostics.Debug.Assert(name.AsSpan().IndexOfAnyExcept(s_nameCharacters) < 0, "A literal name needs no escaping.");
        _buffer.Advance(Encoding.ASCII.GetBytes(name, _buffer.GetSpan(name.Length)));
    }

    private void Text(string value, bool equals = true)
    {
        if (equals)
        {
            _buffer.GetSpan(1)[0] = (byte)'=';
            _buffer.Advance(1);
        }

        // A UTF-16 unit is at most 3 UTF-8 bytes, each escaped as 3 characters.
        _buffer.Advance(AwsQueryBuilder.Escape(value, _buffer.GetSpan(value.Length * 9 + 1)));
    }

    private void Value(ReadOnlySpan<byte> utf8)
    {
        _buffer.GetSpan(1)[0] = (byte)'=';
        _buffer.Advance(1);
        _buffer.Advance(AwsQueryBuilder.EscapeUtf8(utf8, _buffer.GetSpan(utf8.Length * 3 + 1)));
    }

    private void ReturnScratch()
    {
        if (_scratch is { } scratch)
        {
            _scratch = null;
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}
