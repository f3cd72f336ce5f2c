using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace LambdaSuite.Harness.Route53;

/// <summary>The REST-XML face (API version 2013-04-01): what a Route 53 client sends, answered as Route 53 answers.</summary>
public sealed partial class FakeRoute53
{
    private const string Ns = "https://route53.amazonaws.com/doc/2013-04-01/";
    private const string ChangePrefix = "/2013-04-01/change/";
    private static readonly XNamespace s_ns = Ns;

    /// <summary>Answers one request: ListResourceRecordSets, ChangeResourceRecordSets or GetChange for this zone; 404 otherwise.</summary>
    /// <param name="rawPath">The path as sent (escaped or not).</param>
    /// <param name="query">The query parameters, unescaped.</param>
    public (int Status, byte[] Body) Respond(string method, string rawPath, IReadOnlyDictionary<string, string> query, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        ArgumentNullException.ThrowIfNull(query);
        var path = Uri.UnescapeDataString(rawPath);
        if (!TakeRequestToken())
        {
            return Error(400, "Throttling", "Rate exceeded");
        }

        var zonePath = "/2013-04-01/hostedzone/" + HostedZoneId + "/rrset";
        return (method, path) switch
        {
            ("GET", var p) when p == zonePath => List(query),
            ("POST", var p) when p == zonePath + "/" => Change(Encoding.UTF8.GetString(body)),
            ("GET", var p) when p.StartsWith(ChangePrefix, StringComparison.Ordinal) => GetChange(p[ChangePrefix.Length..]),
            _ => Error(404, "NoSuchHostedZone", $"No hosted zone found with ID: {path}"),
        };
    }

    private (int, byte[]) List(IReadOnlyDictionary<string, string> query)
    {
        int? maxItems = query.TryGetValue("maxitems", out var m) && int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var page = ListPage(query.GetValueOrDefault("name"), query.GetValueOrDefault("type"), maxItems);
        return (200, Write(writer =>
        {
            writer.WriteStartElement("ListResourceRecordSetsResponse", Ns);
            writer.WriteStartElement("ResourceRecordSets", Ns);
            foreach (var set in page.Sets)
            {
                writer.WriteStartElement("ResourceRecordSet", Ns);
                writer.WriteElementString("Name", Ns, set.Name);
                writer.WriteElementString("Type", Ns, set.Type);
                if (set.Ttl is { } ttl)
                {
                    writer.WriteElementString("TTL", Ns, ttl.ToString(CultureInfo.InvariantCulture));
                }

                writer.WriteStartElement("ResourceRecords", Ns);
                foreach (var value in set.Values)
                {
                    writer.WriteStartElement("ResourceRecord", Ns);
                    writer.WriteElementString("Value", Ns, value);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteElementString("IsTruncated", Ns, page.IsTruncated ? "true" : "false");
            if (page.Next is { } next)
            {
                writer.WriteElementString("NextRecordName", Ns, next.Name);
                writer.WriteElementString("NextRecordType", Ns, next.Type);
            }

            writer.WriteElementString("MaxItems", Ns, page.MaxItems.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
        }));
    }

    private (int, byte[]) Change(string bodyText)
    {
        if (!TryParseChanges(bodyText, out var changes, out var problem))
        {
            return Error(400, "InvalidInput", "The change batch is not valid XML of ChangeResourceRecordSets: " + problem);
        }

        if (!TryChange(changes, out var id, out var code, out var message))
        {
            return code == "InvalidChangeBatch" ? InvalidChangeBatch(message) : Error(400, code, message);
        }

        return (200, Write(writer => ChangeInfo(writer, "ChangeResourceRecordSetsResponse", id, "PENDING")));
    }

    private static bool TryParseChanges(string bodyText, out List<FakeRecordSetChange> changes, out string problem)
    {
        problem = "";
        try
        {
            changes = [.. XDocument.Parse(bodyText).Descendants(s_ns + "Change").Select(c =>
            {
                var set = c.Element(s_ns + "ResourceRecordSet") ?? throw new FormatException("a Change without a ResourceRecordSet");
                var ttl = long.Parse(set.Element(s_ns + "TTL")?.Value ?? "0", CultureInfo.InvariantCulture);
                var values = set.Descendants(s_ns + "Value").Select(v => v.Value).ToArray();
                var name = set.Element(s_ns + "Name")?.Value ?? throw new FormatException("a ResourceRecordSet without a Name");
                var type = set.Element(s_ns + "Type")?.Value ?? throw new FormatException("a ResourceRecordSet without a Type");
                return new FakeRecordSetChange(c.Element(s_ns + "Action")?.Value ?? "", new FakeRecordSet(Canonical(name), type, ttl, values));
            })];
            return true;
        }
        catch (Exception e) when (e is XmlException or FormatException)
        {
            changes = [];
            problem = e.Message;
            return false;
        }
    }

    private (int, byte[]) GetChange(string id) =>
        ChangeStatus(id) is { } status
            ? (200, Write(writer => ChangeInfo(writer, "GetChangeResponse", id, status)))
            : Error(404, "NoSuchChange", $"A change with the specified change ID does not exist: {id}");

    private static void ChangeInfo(XmlWriter writer, string root, string id, string status)
    {
        writer.WriteStartElement(root, Ns);
        writer.WriteStartElement("ChangeInfo", Ns);
        writer.WriteElementString("Id", Ns, "/change/" + id);
        writer.WriteElementString("Status", Ns, status);
        writer.WriteElementString("SubmittedAt", Ns, "2026-11-22T00:00:00.000Z");
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            body(writer);
        }

        return buffer.ToArray();
    }

    private static (int, byte[]) InvalidChangeBatch(string message) =>
        (400, Write(writer =>
        {
            writer.WriteStartElement("InvalidChangeBatch", Ns);
            writer.WriteStartElement("Messages", Ns);
            writer.WriteElementString("Message", Ns, message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", Ns, "r-1");
            writer.WriteEndElement();
        }));

    private static (int, byte[]) Error(int status, string code, string message) =>
        (status, Write(writer =>
        {
            writer.WriteStartElement("ErrorResponse", Ns);
            writer.WriteStartElement("Error", Ns);
            writer.WriteElementString("Type", Ns, "Sender");
            writer.WriteElementString("Code", Ns, code);
            writer.WriteElementString("Message", Ns, message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", Ns, "r-1");
            writer.WriteEndElement();
        }));
}
