using System.Globalization;
using System.Text;
using System.Xml;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Route53;

/// <summary>Route 53's REST-XML bodies (API 2013-04-01): the ChangeBatch request and the ChangeInfo answers (listings: <see cref="ListResourceRecordSetsXml"/>).</summary>
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

    private static void Optional(XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteElementString(name, value);
        }
    }
}
