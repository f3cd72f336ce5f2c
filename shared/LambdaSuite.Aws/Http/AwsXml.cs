using System.Xml;
using System.Xml.Linq;

namespace LambdaSuite.Aws.Http;

/// <summary>
/// Reads AWS XML responses by local name: each service puts its own namespace on every element
/// (and some proxies strip it), so matching on the local name keeps parsing independent of both.
/// </summary>
public static class AwsXml
{
    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    public static XDocument Parse(ReadOnlySpan<byte> body)
    {
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, s_settings);
        return XDocument.Load(reader);
    }

    public static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static IEnumerable<XElement> Children(XElement? parent, string localName) =>
        parent is null ? [] : parent.Elements().Where(e => e.Name.LocalName == localName);

    public static string? Value(XElement? parent, string localName) => Child(parent, localName)?.Value;

    /// <summary>The element at <paramref name="path"/> below <paramref name="root"/>, or an exception naming the missing step.</summary>
    public static XElement Require(XElement? root, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = root ?? throw new FormatException("Response has no XML root element.");
        foreach (var step in path)
        {
            current = Child(current, step) ?? throw new FormatException($"Response element <{current.Name.LocalName}> has no <{step}>.");
        }

        return current;
    }
}
