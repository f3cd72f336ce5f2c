using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Route53;

/// <summary>Route 53's REST-XML bodies (API 2013-04-01): the ChangeBatch request and the answers the client reads.</summary>
public static class Route53Xml
{
    public const string Namespace = "https://route53.amazonaws.com/doc/2013-04-01/";

    private static readonly XmlWriterSettings s_writerSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
    };

    /// <summary>The <c>ChangeResourceRecordSetsRequest</c> document; members in the order of Route 53's API reference.</summary>
    public static byte[] WriteChangeBatch(ChangeBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, s_writerSettings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("ChangeResourceRecordSetsRequest", Namespace);
            xml.WriteStartElement("ChangeBatch");
            Optional(xml, "Comment", batch.Comment);
            xml.WriteStartElement("Changes");
            foreach (var change in batch.Changes)
            {
                xml.WriteStartElement("Change");
                xml.WriteElementString("Action", change.Action);
                WriteRecordSet(xml, change.ResourceRecordSet);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    public static ListResourceRecordSetsResponse ReadListResourceRecordSets(ReadOnlySpan<byte> body)
    {
        var root = AwsXml.Parse(body).Root ?? throw new FormatException("ListResourceRecordSets answered without XML.");
        return new ListResourceRecordSetsResponse
        {
            ResourceRecordSets = AwsXml.Children(AwsXml.Child(root, "ResourceRecordSets"), "ResourceRecordSet").Select(ReadRecordSet).ToArray(),
            IsTruncated = Bool(AwsXml.Value(root, "IsTruncated")) ?? false,
            NextRecordName = AwsXml.Value(root, "NextRecordName"),
            NextRecordType = AwsXml.Value(root, "NextRecordType"),
            NextRecordIdentifier = AwsXml.Value(root, "NextRecordIdentifier"),
            MaxItems = AwsXml.Value(root, "MaxItems") is { } max ? int.Parse(max, CultureInfo.InvariantCulture) : 0,
        };
    }

    /// <summary>Reads <c>ChangeInfo</c> under the root of a ChangeResourceRecordSets or GetChange answer.</summary>
    public static ChangeInfo ReadChangeInfo(ReadOnlySpan<byte> body)
    {
        var info = AwsXml.Require(AwsXml.Parse(body).Root, "ChangeInfo");
        return new ChangeInfo
        {
            Id = AwsXml.Value(info, "Id") ?? throw new FormatException("ChangeInfo has no Id."),
            Status = AwsXml.Value(info, "Status") ?? throw new FormatException("ChangeInfo has no Status."),
            SubmittedAt = AwsXml.Value(info, "SubmittedAt") is { } submitted
                ? DateTimeOffset.Parse(submitted, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                : default,
            Comment = AwsXml.Value(info, "Comment"),
        };
    }

    private static void WriteRecordSet(XmlWriter xml, ResourceRecordSet set)
    {
        xml.WriteStartElement("ResourceRecordSet");
        xml.WriteElementString("Name", set.Name);
        xml.WriteElementString("Type", set.Type);
        Optional(xml, "SetIdentifier", set.SetIdentifier);
        Optional(xml, "Weight", set.Weight?.ToString(CultureInfo.InvariantCulture));
        Optional(xml, "Region", set.Region);
        Optional(xml, "Failover", set.Failover);
        Optional(xml, "MultiValueAnswer", set.MultiValueAnswer is { } multi ? (multi ? "true" : "false") : null);
        Optional(xml, "TTL", set.TTL?.ToString(CultureInfo.InvariantCulture));
        if (set.ResourceRecords.Count > 0)
        {
            xml.WriteStartElement("ResourceRecords");
            foreach (var record in set.ResourceRecords)
            {
                xml.WriteStartElement("ResourceRecord");
                xml.WriteElementString("Value", record.Value);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (set.AliasTarget is { } alias)
        {
            xml.WriteStartElement("AliasTarget");
            xml.WriteElementString("HostedZoneId", alias.HostedZoneId);
            xml.WriteElementString("DNSName", alias.DNSName);
            xml.WriteElementString("EvaluateTargetHealth", alias.EvaluateTargetHealth ? "true" : "false");
            xml.WriteEndElement();
        }

        Optional(xml, "HealthCheckId", set.HealthCheckId);
        xml.WriteEndElement();
    }

    private static ResourceRecordSet ReadRecordSet(XElement set)
    {
        var alias = AwsXml.Child(set, "AliasTarget");
        return new ResourceRecordSet
        {
            Name = AwsXml.Value(set, "Name") ?? throw new FormatException("ResourceRecordSet has no Name."),
            Type = AwsXml.Value(set, "Type") ?? throw new FormatException("ResourceRecordSet has no Type."),
            SetIdentifier = AwsXml.Value(set, "SetIdentifier"),
            Weight = AwsXml.Value(set, "Weight") is { } weight ? long.Parse(weight, CultureInfo.InvariantCulture) : null,
            Region = AwsXml.Value(set, "Region"),
            Failover = AwsXml.Value(set, "Failover"),
            MultiValueAnswer = Bool(AwsXml.Value(set, "MultiValueAnswer")),
            TTL = AwsXml.Value(set, "TTL") is { } ttl ? long.Parse(ttl, CultureInfo.InvariantCulture) : null,
            ResourceRecords = AwsXml.Children(AwsXml.Child(set, "ResourceRecords"), "ResourceRecord")
                .Select(record => new ResourceRecord(AwsXml.Value(record, "Value") ?? string.Empty))
                .ToArray(),
            AliasTarget = alias is null ? null : new AliasTarget
            {
                HostedZoneId = AwsXml.Value(alias, "HostedZoneId") ?? string.Empty,
                DNSName = AwsXml.Value(alias, "DNSName") ?? string.Empty,
                EvaluateTargetHealth = Bool(AwsXml.Value(alias, "EvaluateTargetHealth")) ?? false,
            },
            HealthCheckId = AwsXml.Value(set, "HealthCheckId"),
        };
    }

    private static void Optional(XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteElementString(name, value);
        }
    }

    private static bool? Bool(string? value) => value is null ? null : string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
