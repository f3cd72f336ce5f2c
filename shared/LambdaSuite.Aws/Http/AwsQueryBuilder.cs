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

    /// <summary>The form body as UTF-8 bytes.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToFormString());

    /// <summary>A form content over bytes from <see cref="ToBytes"/> (one body, a fresh content per attempt).</summary>
    public static HttpContent ToContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");
        return content;
    }
}
