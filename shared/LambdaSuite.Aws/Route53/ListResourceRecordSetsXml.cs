using System.Globalization;
using System.Xml;

namespace LambdaSuite.Aws.Route53;

/// <summary>
/// Reads a ListResourceRecordSets answer in one forward pass with <see cref="XmlReader"/>. A large hosted zone is
/// listed in hundreds of pages of up to 300 record sets; building a DOM per page cost more time and garbage than
/// the values it held. Elements match by local name (as <see cref="Http.AwsXml"/> does); unknown ones are skipped,
/// so fields Route 53 adds later (GeoLocation, CidrRoutingConfig, ...) do no harm.
/// </summary>
public static class ListResourceRecordSetsXml
{
    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
    };

    public static ListResourceRecordSetsResponse Read(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, s_settings);
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw new FormatException("ListResourceRecordSets answered without XML.");
        }

        var sets = new List<ResourceRecordSet>();
        var (truncated, nextName, nextType, nextIdentifier, maxItems) = (false, (string?)null, (string?)null, (string?)null, 0);
        var root = reader.Depth;
        while (NextChild(reader, root))
        {
            switch (reader.LocalName)
            {
                case "ResourceRecordSets":
                    var list = reader.Depth;
                    while (NextChild(reader, list))
                    {
                        if (reader.LocalName == "ResourceRecordSet")
                        {
                            sets.Add(ReadRecordSet(reader));
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    break;
                case "IsTruncated":
                    truncated = Bool(reader.ReadElementContentAsString()) ?? false;
                    break;
                case "NextRecordName":
                    nextName = reader.ReadElementContentAsString();
                    break;
                case "NextRecordType":
                    nextType = reader.ReadElementContentAsString();
                    break;
                case "NextRecordIdentifier":
                    nextIdentifier = reader.ReadElementContentAsString();
                    break;
                case "MaxItems":
                    maxItems = int.Parse(reader.ReadElementContentAsString(), CultureInfo.InvariantCulture);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new ListResourceRecordSetsResponse
        {
            ResourceRecordSets = sets,
            IsTruncated = truncated,
            NextRecordName = nextName,
            NextRecordType = nextType,
            NextRecordIdentifier = nextIdentifier,
            MaxItems = maxItems,
        };
    }

    private static ResourceRecordSet ReadRecordSet(XmlReader reader)
    {
        string? name = null, type = null, setIdentifier = null, region = null, failover = null, healthCheckId = null;
        long? weight = null, ttl = null;
        bool? multiValue = null;
        List<ResourceRecord>? records = null;
        AliasTarget? alias = null;
        var depth = reader.Depth;
        while (NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "Name": name = reader.ReadElementContentAsString(); break;
                case "Type": type = reader.ReadElementContentAsString(); break;
                case "SetIdentifier": setIdentifier = reader.ReadElementContentAsString(); break;
                case "Weight": weight = long.Parse(reader.ReadElementContentAsString(), CultureInfo.InvariantCulture); break;
                case "Region": region = reader.ReadElementContentAsString(); break;
                case "Failover": failover = reader.ReadElementContentAsString(); break;
                case "MultiValueAnswer": multiValue = Bool(reader.ReadElementContentAsString()); break;
                case "TTL": ttl = long.Parse(reader.ReadElementContentAsString(), CultureInfo.InvariantCulture); break;
                case "HealthCheckId": healthCheckId = reader.ReadElementContentAsString(); break;
                case "ResourceRecords": records = ReadRecords(reader); break;
                case "AliasTarget": alias = ReadAlias(reader); break;
                default: reader.Skip(); break;
            }
        }

        return new ResourceRecordSet
        {
            Name = name ?? throw new FormatException("ResourceRecordSet has no Name."),
            Type = type ?? throw new FormatException("ResourceRecordSet has no Type."),
            SetIdentifier = setIdentifier,
            Weight = weight,
            Region = region,
            Failover = failover,
            MultiValueAnswer = multiValue,
            TTL = ttl,
            ResourceRecords = records ?? [],
            AliasTarget = alias,
            HealthCheckId = healthCheckId,
        };
    }

    private static List<ResourceRecord> ReadRecords(XmlReader reader)
    {
        // Most record sets hold one value.
        var records = new List<ResourceRecord>(1);
        var depth = reader.Depth;
        while (NextChild(reader, depth))
        {
            if (reader.LocalName != "ResourceRecord")
            {
                reader.Skip();
                continue;
            }

            var value = string.Empty;
            var record = reader.Depth;
            while (NextChild(reader, record))
            {
                if (reader.LocalName == "Value")
                {
                    value = reader.ReadElementContentAsString();
                }
                else
                {
                    reader.Skip();
                }
            }

            records.Add(new ResourceRecord(value));
        }

        return records;
    }

    private static AliasTarget ReadAlias(XmlReader reader)
    {
        string? zone = null, name = null;
        var evaluate = false;
        var depth = reader.Depth;
        while (NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "HostedZoneId": zone = reader.ReadElementContentAsString(); break;
                case "DNSName": name = reader.ReadElementContentAsString(); break;
                case "EvaluateTargetHealth": evaluate = Bool(reader.ReadElementContentAsString()) ?? false; break;
                default: reader.Skip(); break;
            }
        }

        return new AliasTarget { HostedZoneId = zone ?? string.Empty, DNSName = name ?? string.Empty, EvaluateTargetHealth = evaluate };
    }

    /// <summary>
    /// Moves to the next child element of the element that was current at <paramref name="parentDepth"/> (call it
    /// first while still on that element). False once the children are done, with the reader past the parent's end.
    /// </summary>
    private static bool NextChild(XmlReader reader, int parentDepth)
    {
        if (reader.Depth == parentDepth && reader.NodeType == XmlNodeType.Element)
        {
            // On the parent itself: step inside, or past it when it is empty (<ResourceRecords/>).
            var empty = reader.IsEmptyElement;
            reader.Read();
            if (empty)
            {
                return false;
            }
        }

        while (!reader.EOF)
        {
            if (reader.Depth <= parentDepth)
            {
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    reader.Read();
                }

                return false;
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                return true;
            }

            // Text directly inside a container element carries nothing.
            reader.Read();
        }

        return false;
    }

    private static bool? Bool(string? value) => value is null ? null : string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
