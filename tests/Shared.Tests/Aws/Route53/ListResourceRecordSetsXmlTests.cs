using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using LambdaSuite.Aws.Route53;

namespace Shared.Tests.Aws.Route53;

/// <summary>The one-pass listing reader, on shapes the three recorded pages do not hold.</summary>
public class ListResourceRecordSetsXmlTests
{
    private const string Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    [Fact]
    public void Read_EmptyZonePage_NoSetsNotTruncated()
    {
        var page = Read($"""<ListResourceRecordSetsResponse xmlns="{Ns}"><ResourceRecordSets/><IsTruncated>false</IsTruncated><MaxItems>300</MaxItems></ListResourceRecordSetsResponse>""");

        Assert.Empty(page.ResourceRecordSets);
        Assert.False(page.IsTruncated);
        Assert.Equal(300, page.MaxItems);
    }

    [Fact]
    public void Read_UnknownNestedElements_SkippedWithoutLosingLaterFields()
    {
        var page = Read($"""
            <ListResourceRecordSetsResponse xmlns="{Ns}">
              <ResourceRecordSets>
                <ResourceRecordSet>
                  <Name>geo.example.com.</Name>
                  <Type>A</Type>
                  <SetIdentifier>eu</SetIdentifier>
                  <GeoLocation><ContinentCode>EU</ContinentCode><Nested><Deeper>x</Deeper></Nested></GeoLocation>
                  <CidrRoutingConfig><CollectionId>c</CollectionId><LocationName>l</LocationName></CidrRoutingConfig>
                  <TTL>60</TTL>
                  <ResourceRecords><ResourceRecord><Value>192.0.2.1</Value><Future>1</Future></ResourceRecord></ResourceRecords>
                </ResourceRecordSet>
                <SomethingNew><ResourceRecordSet><Name>not.a.set.</Name></ResourceRecordSet></SomethingNew>
                <ResourceRecordSet><Name>next.example.com.</Name><Type>TXT</Type><TTL>300</TTL><ResourceRecords><ResourceRecord><Value>"a"</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>
              </ResourceRecordSets>
              <IsTruncated>true</IsTruncated>
              <NextRecordName>z.example.com.</NextRecordName>
              <NextRecordType>MX</NextRecordType>
              <MaxItems>2</MaxItems>
            </ListResourceRecordSetsResponse>
            """);

        Assert.Equal(["geo.example.com.", "next.example.com."], page.ResourceRecordSets.Select(s => s.Name));
        var geo = page.ResourceRecordSets[0];
        Assert.Equal(("eu", 60L, "192.0.2.1"), (geo.SetIdentifier, geo.TTL, Assert.Single(geo.ResourceRecords).Value));
        Assert.Equal(("z.example.com.", "MX", true), (page.NextRecordName, page.NextRecordType, page.IsTruncated));
    }

    [Fact]
    public void Read_EntitiesCdataCommentsAndPrefixedNamespace_ValuesExact()
    {
        var page = Read($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <r53:ListResourceRecordSetsResponse xmlns:r53="{Ns}">
              <!-- a comment between elements -->
              <r53:ResourceRecordSets>
                <r53:ResourceRecordSet>
                  <r53:Name>txt.example.com.</r53:Name>
                  <r53:Type>TXT</r53:Type>
                  <r53:TTL>300</r53:TTL>
                  <r53:ResourceRecords>
                    <r53:ResourceRecord><r53:Value>"say &quot;hi&quot; &amp; go; \073"</r53:Value></r53:ResourceRecord>
                    <r53:ResourceRecord><r53:Value><![CDATA["<tag> & more"]]></r53:Value></r53:ResourceRecord>
                    <r53:ResourceRecord><r53:Value/></r53:ResourceRecord>
                  </r53:ResourceRecords>
                </r53:ResourceRecordSet>
              </r53:ResourceRecordSets>
              <r53:IsTruncated>false</r53:IsTruncated>
              <r53:MaxItems>100</r53:MaxItems>
            </r53:ListResourceRecordSetsResponse>
            """);

        var values = Assert.Single(page.ResourceRecordSets).ResourceRecords.Select(r => r.Value);
        Assert.Equal(["\"say \"hi\" & go; \\073\"", "\"<tag> & more\"", ""], values);
    }

    [Fact]
    public void Read_SetWithoutName_FormatException()
    {
        Assert.Throws<FormatException>(() => Read($"""<ListResourceRecordSetsResponse xmlns="{Ns}"><ResourceRecordSets><ResourceRecordSet><Type>A</Type></ResourceRecordSet></ResourceRecordSets></ListResourceRecordSetsResponse>"""));
    }

    [Fact]
    public void Read_NotXml_Throws()
    {
        Assert.Throws<XmlException>(() => Read("<ListResourceRecordSetsResponse><ResourceRecordSets>"));
        Assert.Throws<XmlException>(() => ListResourceRecordSetsXml.Read([]));
    }

    [Fact]
    public void Read_RandomPages_SameAsADomReading()
    {
        // An independent reading through LINQ to XML: both must see the same sets, values and markers.
        var random = new Random(7);
        for (var page = 0; page < 50; page++)
        {
            var xml = RandomPage(random);
            var streamed = ListResourceRecordSetsXml.Read(Encoding.UTF8.GetBytes(xml));
            var root = XDocument.Parse(xml).Root!;
            XNamespace ns = Ns;
            var expected = root.Element(ns + "ResourceRecordSets")!.Elements(ns + "ResourceRecordSet").Select(s =>
                $"{s.Element(ns + "Name")!.Value}|{s.Element(ns + "Type")!.Value}|{s.Element(ns + "TTL")?.Value}|{s.Element(ns + "SetIdentifier")?.Value}|{s.Element(ns + "AliasTarget")?.Element(ns + "DNSName")?.Value}|"
                + string.Join(",", s.Descendants(ns + "Value").Select(v => v.Value)));
            var actual = streamed.ResourceRecordSets.Select(s =>
                $"{s.Name}|{s.Type}|{s.TTL?.ToString(CultureInfo.InvariantCulture)}|{s.SetIdentifier}|{s.AliasTarget?.DNSName}|" + string.Join(",", s.ResourceRecords.Select(r => r.Value)));
            Assert.Equal(expected, actual);
            Assert.Equal(root.Element(ns + "NextRecordName")?.Value, streamed.NextRecordName);
            Assert.Equal(root.Element(ns + "IsTruncated")!.Value == "true", streamed.IsTruncated);
        }
    }

    private static ListResourceRecordSetsResponse Read(string xml) => ListResourceRecordSetsXml.Read(Encoding.UTF8.GetBytes(xml));

    private static string RandomPage(Random random)
    {
        var text = new StringBuilder($"<ListResourceRecordSetsResponse xmlns=\"{Ns}\"><ResourceRecordSets>");
        var count = random.Next(0, 12);
        for (var i = 0; i < count; i++)
        {
            text.Append("<ResourceRecordSet>")
                .Append(CultureInfo.InvariantCulture, $"<Name>h{random.Next(1000)}.example.com.</Name><Type>{(random.Next(2) == 0 ? "A" : "TXT")}</Type>");
            if (random.Next(4) == 0)
            {
                text.Append("<SetIdentifier>s").Append(random.Next(9)).Append("</SetIdentifier>");
            }

            if (random.Next(5) == 0)
            {
                text.Append("<AliasTarget><HostedZoneId>Z1</HostedZoneId><DNSName>t.example.net.</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget></ResourceRecordSet>");
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"<TTL>{random.Next(60, 86400)}</TTL><ResourceRecords>");
            for (var v = random.Next(0, 4); v >= 0; v--)
            {
                text.Append(CultureInfo.InvariantCulture, $"<ResourceRecord><Value>\"v{random.Next()} &amp; &lt;x&gt;\"</Value></ResourceRecord>");
            }

            text.Append("</ResourceRecords></ResourceRecordSet>");
        }

        var truncated = random.Next(2) == 0;
        text.Append("</ResourceRecordSets><IsTruncated>").Append(truncated ? "true" : "false").Append("</IsTruncated>");
        if (truncated)
        {
            text.Append("<NextRecordName>n").Append(random.Next(100)).Append(".example.com.</NextRecordName><NextRecordType>A</NextRecordType>");
        }

        return text.Append("<MaxItems>12</MaxItems></ListResourceRecordSetsResponse>").ToString();
    }
}
