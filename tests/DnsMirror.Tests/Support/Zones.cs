using DnsMirror.Route53;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.Tests.Support;

/// <summary>Source snapshots and Route 53 record sets for diff and plan tests.</summary>
internal static class Zones
{
    public const string Origin = "example.test.";

    public static ZoneSnapshot Snapshot(uint serial, params DnsResourceRecord[] records) =>
        new(Origin, serial, [Rr.Soa(Origin, serial), Rr.Name(Origin, DnsRecordType.NS, "ns1.example.test."), .. records], "test", 1, 0);

    public static HostedZoneRecordSet Set(string name, string type, long ttl, params string[] values) => new(name, type, ttl, values);

    public static HostedZoneRecordSet[] Apex(uint serial = 1) =>
    [
        Set(Origin, "SOA", 900, $"ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. {serial} 7200 900 1209600 86400"),
        Set(Origin, "NS", 172800, "ns-1.awsdns-00.com."),
    ];
}
