using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace LambdaSuite.Aws.Http;

/// <summary>
/// Parameters of an AWS query-protocol request (SNS, STS): <c>Action</c>, <c>Version</c> and flattened members
/// such as <c>PublishBatchRequestEntries.member.1.Id</c>, form-encoded with RFC 3986 escaping.
/// </summary>
public sealed class AwsQueryBuilder
{
    /// <summary>RFC 3986's unreserved characters, the only ones a query body carries unescaped.</summary>
    private static readonly SearchValues<char> s_unreserved = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

    private static readonly SearchValues<byte> s_unreservedBytes = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"u8);

    private readonly List<KeyValuePair<string, string>> _parameters = [];

    public AwsQueryBuilder(string action, string version)
    {
        Add("Action", action);
        Add("Version", version);
    }

    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    public AwsQueryBuilder Add(string name, string? value)
    {
        if (value is not null)
        {
            _parameters.Add(new(name, value));
        }

        return this;
    }

    public AwsQueryBuilder Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public string ToFormString()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in _parameters)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            // Uri.EscapeDataString escapes all but RFC 3986's unreserved characters, as AWS query requests expect.
            text.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }

    public HttpContent ToContent() => ToContent(ToBytes());

    /// <summary>
    /// The form body as UTF-8 bytes, the same bytes as <see cref="ToFormString"/> encoded, written in one pass: an
    /// SNS PublishBatch of 10 × 1 KB messages otherwise builds an escaped copy of each value, the whole form as a
    /// string and then its bytes (about 10 KB of garbage per message).
    /// </summary>
    public byte[] ToBytes()
    {
        var worst = 0;
        foreach (var (name, value) in _parameters)
        {
            // A UTF-16 unit is at most 3 UTF-8 bytes, each escaped as 3 characters.
            worst += (name.Length + value.Length) * 9 + 2;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(worst, 1));
        try
        {
            var at = 0;
            foreach (var (name, value) in _parameters)
            {
                if (at > 0)
                {
                    buffer[at++] = (byte)'&';
                }

                at += Escape(name, buffer.AsSpan(at));
                buffer[at++] = (byte)'=';
                at += Escape(value, buffer.AsSpan(at));
            }

            return buffer.AsSpan(0, at).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A form content over bytes from <see cref="ToBytes"/> (one body, a fresh content per attempt).</summary>
    public static HttpContent ToContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");
        return content;
    }

    /// <summary>
    /// <see cref="Uri.EscapeDataString(string)"/> straight into UTF-8: runs of unreserved characters copied, every other
    /// scalar as its UTF-8 bytes in upper-case <c>%XX</c>; a lone surrogate becomes U+FFFD, as in <see cref="Encoding.UTF8"/>.
    /// </summary>
    internal static int Escape(ReadOnlySpan<char> text, Span<byte> output)
    {
        Span<byte> scalar = stackalloc byte[4];
        var at = 0;
        while (!text.IsEmpty)
        {
            var run = text.IndexOfAnyExcept(s_unreserved);
            if (run < 0)
            {
                run = text.Length;
            }

            System.Text.Ascii.FromUtf16(text[..run], output[at..], out var copied);
            at += copied;
            text = text[run..];
            if (text.IsEmpty)
            {
                break;
            }

            Rune.DecodeFromUtf16(text, out var rune, out var consumed);
            var length = rune.EncodeToUtf8(scalar);
            foreach (var b in scalar[..length])
            {
                output[at++] = (byte)'%';
                output[at++] = "0123456789ABCDEF"u8[b >> 4];
                output[at++] = "0123456789ABCDEF"u8[b & 0xF];
            }

            text = text[consumed..];
        }

        return at;
    }

    /// <summary>
    /// <see cref="Escape(ReadOnlySpan{char}, Span{byte})"/> for text already in UTF-8 (valid UTF-8 only): the same bytes,
    /// since a scalar's escape is its UTF-8 bytes escaped one by one; no UTF-16 copy of a message is needed.
    /// </summary>
    internal static int EscapeUtf8(ReadOnlySpan<byte> utf8, Span<byte> output)
    {
        var at = 0;
        while (!utf8.IsEmpty)
        {
            var run = utf8.IndexOfAnyExcept(s_unreservedBytes);
            if (run < 0)
            {
                run = utf8.Length;
            }

            utf8[..run].CopyTo(output[at..]);
            at += run;
            if (run == utf8.Length)
            {
                break;
            }

            var b = utf8[run];
            output[at++] = (byte)'%';
            output[at++] = "0123456789ABCDEF"u8[b >> 4];
            output[at++] = "0123456789ABCDEF"u8[b & 0xF];
            utf8 = utf8[(run + 1)..];
        }

        return at;
    }
}
