using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LambdaSuite.TestKit.Moto;

namespace Cli.Tests.Functions;

/// <summary>
/// The outside judges of DnsMirror's moto scene: boto3 makes the private hosted zone and lists it back through its
/// own paginator, and <c>dig</c> (BIND's tool) reads the primary's AXFR. Both are turned into one line per record,
/// <c>name type ttl value</c>, with the zone's apex SOA and NS left out: Route 53 keeps its own (DnsMirror copies only
/// the serial, checked apart).
/// </summary>
internal static partial class DnsMirrorMotoJudge
{
    private const string CreateZoneScript = """
        r53 = boto3.client('route53')
        zone = r53.create_hosted_zone(Name=os.environ['ARG_zone'], CallerReference=os.environ['ARG_reference'],
            HostedZoneConfig={'PrivateZone': True}, VPC={'VPCRegion': 'us-east-1', 'VPCId': os.environ['ARG_vpc']})
        zone_id = zone['HostedZone']['Id']
        # moto 5.2.1 lists a new zone's SOA value as a Python dict's text ("{'Value': 'ns-2048... 1 7200 ...'}")
        # where Route 53 gives the bare SOA fields. DnsMirror copies the serial only into an SOA it can read, so the
        # SOA is first set to the fields themselves, as Route 53 would list them.
        soa = [s for s in r53.list_resource_record_sets(HostedZoneId=zone_id)['ResourceRecordSets'] if s['Type'] == 'SOA'][0]
        value = soa['ResourceRecords'][0]['Value']
        if value.startswith("{'Value': '"):
            soa['ResourceRecords'] = [{'Value': value[len("{'Value': '"):-2]}]
            r53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={'Changes': [{'Action': 'UPSERT', 'ResourceRecordSet': soa}]})
        print(zone_id)
        """;

    private const string ListScript = """
        r53 = boto3.client('route53')
        sets = []
        for page in r53.get_paginator('list_resource_record_sets').paginate(HostedZoneId=os.environ['ARG_zone']):
            sets += [{'name': s['Name'], 'type': s['Type'], 'ttl': s.get('TTL'), 'values': [r['Value'] for r in s.get('ResourceRecords', [])]} for s in page['ResourceRecordSets']]
        print(json.dumps(sets))
        """;

    // Hex in DS, SSHFP and TLSA is case-blind (RFC 4034 §5.3, RFC 4255 §3.2, RFC 6698 §2.2): dig prints it upper case.
    private static readonly HashSet<string> s_hexTypes = new(StringComparer.Ordinal) { "DS", "SSHFP", "TLSA" };

    /// <summary>
    /// A private hosted zone named <paramref name="zone"/> in a made-up VPC of its own (Route 53 refuses two private
    /// zones of one name in one VPC, and parallel tests mirror the same zone); returns its id (<c>/hostedzone/…</c>).
    /// </summary>
    public static Task<string> CreatePrivateZoneAsync(string zone, string run) =>
        Boto3.RunAsync(CreateZoneScript, ("zone", zone), ("reference", run), ("vpc", "vpc-" + run[..17]));

    /// <summary>The zone as boto3's paginator lists it: (record lines, the apex SOA's serial).</summary>
    public static async Task<(List<string> Records, uint SoaSerial)> ListAsync(string zoneId, string zone)
    {
        using var listed = JsonDocument.Parse(await Boto3.RunAsync(ListScript, ("zone", zoneId)));
        var records = new List<string>();
        uint serial = 0;
        foreach (var set in listed.RootElement.EnumerateArray())
        {
            var name = Name(set.GetProperty("name").GetString()!);
            var type = set.GetProperty("type").GetString()!;
            var values = set.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToList();
            if (name == zone && type == "SOA")
            {
                serial = uint.Parse(values.Single().Split(' ')[2], CultureInfo.InvariantCulture);
                continue;
            }

            if (name == zone && type == "NS")
            {
                continue;
            }

            var ttl = set.GetProperty("ttl").GetInt64();
            records.AddRange(values.Select(v => Line(name, type, ttl, v)));
        }

        records.Sort(StringComparer.Ordinal);
        return (records, serial);
    }

    /// <summary>The primary's zone as <c>dig AXFR</c> prints it: (record lines, the SOA's serial).</summary>
    public static async Task<(List<string> Records, uint SoaSerial)> DigAxfrAsync(string primary, string zone)
    {
        var (host, port) = (primary[..primary.LastIndexOf(':')], primary[(primary.LastIndexOf(':') + 1)..]);
        var startInfo = new ProcessStartInfo("dig") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", port, "@" + host, zone, "AXFR", "+nocmd", "+noall", "+answer", "+nosplit" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var dig = Process.Start(startInfo) ?? throw new InvalidOperationException("dig could not be started (Debian's bind9-dnsutils).");
        var output = await dig.StandardOutput.ReadToEndAsync();
        await dig.WaitForExitAsync();
        Assert.True(dig.ExitCode == 0, "dig failed: " + await dig.StandardError.ReadToEndAsync());
        var records = new List<string>();
        uint serial = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = DigLine().Match(line);
            Assert.True(match.Success, "dig printed a line this judge cannot read: " + line);
            var (name, ttl, type, value) = (Name(match.Groups[1].Value), long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), match.Groups[3].Value, match.Groups[4].Value);
            if (name == zone && type == "SOA")
            {
                serial = uint.Parse(value.Split(' ')[2], CultureInfo.InvariantCulture);
            }
            else if (!(name == zone && type == "NS"))
            {
                records.Add(Line(name, type, ttl, value));
            }
        }

        records.Sort(StringComparer.Ordinal);
        return (records, serial);
    }

    private static string Line(string name, string type, long ttl, string value) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} {type} {ttl} {(s_hexTypes.Contains(type) ? value.ToUpperInvariant() : value)}");

    // Owner names compare case-blind (RFC 4343); Route 53 lists '*' as the octal escape \052.
    private static string Name(string name) => name.Replace("\\052", "*", StringComparison.Ordinal).ToLowerInvariant();

    [GeneratedRegex(@"^(\S+)\s+(\d+)\s+IN\s+(\S+)\s+(.*)$")]
    private static partial Regex DigLine();
}
