using System.Globalization;
using System.Text;

namespace LambdaSuite.Bench;

/// <summary>
/// A reproducible zone for <c>./suite bench dns</c>: the same seed and size give the same records. The mix is a
/// plausible corporate zone: host A sets (some round-robin, some also AAAA, some owners in mixed case), CNAMEs, MX
/// pairs, TXT (SPF-like, quoted quotes and semicolons, strings over 255 octets split as a zone file must), SRV
/// pairs, delegations with glue, and wildcards. Sizes count RRs, apex SOA and NS included.
/// </summary>
public sealed class DnsBenchZone
{
    public const uint Serial = 2026112201;

    private DnsBenchZone(string origin, IReadOnlyList<DnsBenchRecord> records)
    {
        Origin = origin;
        Records = records;
    }

    /// <summary>Absolute zone name, e.g. <c>bench.test.</c>.</summary>
    public string Origin { get; }

    /// <summary>Every RR, the apex SOA first.</summary>
    public IReadOnlyList<DnsBenchRecord> Records { get; }

    /// <summary>A zone of the given records (the apex SOA first), e.g. a generated one after <see cref="DnsBenchZoneChanges"/>.</summary>
    internal static DnsBenchZone Of(string origin, IReadOnlyList<DnsBenchRecord> records) => new(origin, records);

    public static DnsBenchZone Generate(int seed, int size, string origin = "bench.test.")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 10);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        origin = origin.EndsWith('.') ? origin.ToLowerInvariant() : origin.ToLowerInvariant() + ".";
        var random = new Random(seed);
        var records = new List<DnsBenchRecord>(size + 8)
        {
            new(origin, "SOA", 3600, $"ns1.{origin} hostmaster.{origin} {Serial} 3600 600 1209600 300"),
            new(origin, "NS", 3600, $"ns1.{origin}"),
            new(origin, "NS", 3600, $"ns2.{origin}"),
            new("ns1." + origin, "A", 3600, "192.0.2.1"),
            new("ns2." + origin, "A", 3600, "192.0.2.2"),
            new("*." + origin, "A", 300, "192.0.2.80"),
            new("*.wild." + origin, "TXT", 300, "\"wildcard answer\""),
        };
        for (var i = 0; records.Count < size; i++)
        {
            AddOwner(records, random, i, origin);
        }

        // The last owner may overshoot by a record or two; the size asked for is the size served.
        records.RemoveRange(size, records.Count - size);
        return new DnsBenchZone(origin, records);
    }

    /// <summary>The zone as a master file (RFC 1035 §5) BIND loads.</summary>
    public string ToZoneFile()
    {
        var text = new StringBuilder(Records.Count * 48);
        text.Append("$ORIGIN ").Append(Origin).Append('\n');
        foreach (var record in Records)
        {
            text.Append(record.Name).Append(' ').Append(record.Ttl.ToString(CultureInfo.InvariantCulture)).Append(" IN ")
                .Append(record.Type).Append(' ').Append(record.Value).Append('\n');
        }

        return text.ToString();
    }

    private static void AddOwner(List<DnsBenchRecord> records, Random random, int i, string origin)
    {
        var ttl = (uint)(random.Next(4) switch { 0 => 60, 1 => 300, 2 => 3600, _ => 86400 });
        var n = i.ToString(CultureInfo.InvariantCulture);
        var pick = random.Next(100);
        switch (pick)
        {
            case < 38:
                // Host addresses; one in three is round-robin.
                var host = (random.Next(20) == 0 ? "Host-" : "host-") + n + "." + origin;
                for (var k = random.Next(3) == 0 ? 2 + random.Next(2) : 1; k > 0; k--)
                {
                    records.Add(new(host, "A", ttl, Ipv4(random)));
                }

                break;
            case < 50:
                var dual = "dual-" + n + "." + origin;
                records.Add(new(dual, "A", ttl, Ipv4(random)));
                records.Add(new(dual, "AAAA", ttl, Ipv6(random)));
                break;
            case < 64:
                records.Add(new("www-" + n + "." + origin, "CNAME", ttl, "host-" + random.Next(i + 1).ToString(CultureInfo.InvariantCulture) + "." + origin));
                break;
            case < 70:
                var mail = "mail-" + n + "." + origin;
                records.Add(new(mail, "MX", ttl, "10 mx1-" + n + "." + origin));
                records.Add(new(mail, "MX", ttl, "20 mx2-" + n + "." + origin));
                break;
            case < 84:
                records.Add(new("txt-" + n + "." + origin, "TXT", ttl, Txt(random, n)));
                break;
            case < 94:
                var service = "_sip._tcp.svc-" + n + "." + origin;
                records.Add(new(service, "SRV", ttl, "10 60 5060 sip1-" + n + "." + origin));
                records.Add(new(service, "SRV", ttl, "20 40 5061 sip2-" + n + "." + origin));
                break;
            case < 97:
                // A delegation with in-zone name servers needs glue below the cut.
                var child = "branch-" + n + "." + origin;
                records.Add(new(child, "NS", 86400, "ns1." + child));
                records.Add(new(child, "NS", 86400, "ns2." + child));
                records.Add(new("ns1." + child, "A", 86400, Ipv4(random)));
                records.Add(new("ns2." + child, "A", 86400, Ipv4(random)));
                break;
            default:
                records.Add(new("svc-" + n + "." + origin, "AAAA", ttl, Ipv6(random)));
                break;
        }
    }

    private static string Ipv4(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"10.{random.Next(256)}.{random.Next(256)}.{1 + random.Next(254)}");

    private static string Ipv6(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"2001:db8:{random.Next(0x10000):x}:{random.Next(0x10000):x}::{1 + random.Next(0xfffe):x}");

    private static string Txt(Random random, string n)
    {
        switch (random.Next(4))
        {
            case 0:
                return "\"v=spf1 ip4:10.0.0.0/8 include:_spf-" + n + ".example.net ~all\"";
            case 1:
                return "\"note " + n + "; say \\\"hello\\\"; a;b;c\"";
            case 2:
                // Over 255 octets in total: a zone file holds it as several character-strings.
                var key = new string((char)('a' + random.Next(26)), 250);
                return "\"v=DKIM1; k=rsa; p=" + key[..230] + "\" \"" + key + n + "\"";
            default:
                return "\"token-" + n + "\" \"second string\"";
        }
    }
}
