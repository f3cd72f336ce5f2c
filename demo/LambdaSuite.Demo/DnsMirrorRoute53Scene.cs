using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaSuite.Data;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Moto;
using LambdaSuite.Harness.Runtime;

namespace LambdaSuite.Demo;


/// <summary>
/// DnsMirror's Route 53 path through its bootstrap: a private hosted zone made in moto with boto3, example.test
/// mirrored into it from the BIND primary, listed back with boto3's paginator and counted against the primary's
/// AXFR, then a second run that changes nothing. The zone state lives in a throwaway table, so a demo run on a stack
/// that has seen the zone before still starts from nothing.
/// </summary>
public static class DnsMirrorRoute53Scene
{
    private const string CreateZoneScript = """
        r53 = boto3.client('route53')
        run = os.environ['ARG_run']
        zone_id = r53.create_hosted_zone(Name='example.test.', CallerReference=run, HostedZoneConfig={'PrivateZone': True},
            VPC={'VPCRegion': 'us-east-1', 'VPCId': 'vpc-' + run[:17]})['HostedZone']['Id']
        # moto 5.2.1 lists a new zone's SOA as a Python dict's text; set the bare fields, as Route 53 has them.
        soa = [s for s in r53.list_resource_record_sets(HostedZoneId=zone_id)['ResourceRecordSets'] if s['Type'] == 'SOA'][0]
        value = soa['ResourceRecords'][0]['Value']
        if value.startswith("{'Value': '"):
            soa['ResourceRecords'] = [{'Value': value[len("{'Value': '"):-2]}]
            r53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={'Changes': [{'Action': 'UPSERT', 'ResourceRecordSet': soa}]})
        print(zone_id)
        """;

    /// <summary>Counts the zone's records through the paginator, apex SOA and NS apart (Route 53 keeps its own).</summary>
    private const string CountScript = """
        r53 = boto3.client('route53')
        sets, records, serial = 0, 0, None
        for page in r53.get_paginator('list_resource_record_sets').paginate(HostedZoneId=os.environ['ARG_zone']):
            for s in page['ResourceRecordSets']:
                if s['Name'] == 'example.test.' and s['Type'] == 'SOA':
                    serial = int(s['ResourceRecords'][0]['Value'].split()[2])
                elif not (s['Name'] == 'example.test.' and s['Type'] == 'NS'):
                    sets, records = sets + 1, records + len(s.get('ResourceRecords', []))
        print(json.dumps({'sets': sets, 'records': records, 'serial': serial}))
        """;

    /// <param name="primaryRecords">The primary's AXFR record count, apex SOA and NS excluded.</param>
    public static async Task<bool> RunAsync(RepositoryLayout layout, TextWriter output, int primaryRecords, uint primarySerial, CancellationToken ct)
    {
        await output.WriteLineAsync("  -- the same zone into a Route 53 private hosted zone (moto), through the bootstrap").ConfigureAwait(false);
        var run = Guid.NewGuid().ToString("N");
        var zoneId = await Boto3Runner.RunAsync(CreateZoneScript, [("run", run)], cancellationToken: ct).ConfigureAwait(false);
        using var dynamoDb = DynamoDbClientFactory.Create(Environment.GetEnvironmentVariable);
        var table = $"{TableCatalog.DnsMirrorZones.LogicalName}-demo-{run}";
        await new TableProvisioner(dynamoDb, TimeProvider.System).EnsureAsync(TableCatalog.DnsMirrorZones, table, ct).ConfigureAwait(false);
        var request = Request(zoneId);
        try
        {
            var variables = new Dictionary<string, string?> { [TableCatalog.DnsMirrorZones.EnvironmentVariable] = table };
            await using var session = await BootstrapSession.StartAsync(layout.PackagedBootstrap("DnsMirror"), "DnsMirror", onLogLine: null, ct, variables).ConfigureAwait(false);
            var first = await InvokeAsync(session, request, ct).ConfigureAwait(false);
            await output.WriteLineAsync($"  private zone {zoneId}: first run {first.Outcome}, {first.Changes} change(s) in {first.Batches} batch(es)").ConfigureAwait(false);
            using var counted = JsonDocument.Parse(await Boto3Runner.RunAsync(CountScript, [("zone", zoneId)], cancellationToken: ct).ConfigureAwait(false));
            var (sets, records, serial) = (counted.RootElement.GetProperty("sets").GetInt32(), counted.RootElement.GetProperty("records").GetInt32(), counted.RootElement.GetProperty("serial").GetUInt32());
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  Route 53 (boto3's paginator): {records} records in {sets} sets, SOA serial {serial}; the primary's AXFR: {primaryRecords} records, serial {primarySerial}")).ConfigureAwait(false);
            var second = await InvokeAsync(session, request, ct).ConfigureAwait(false);
            await output.WriteLineAsync($"  second run: {second.Outcome}, {second.Changes} change(s)").ConfigureAwait(false);
            return first.Outcome == "Synced" && records == primaryRecords && serial == primarySerial && second.Changes == 0 && second.Batches == 0;
        }
        finally
        {
            await dynamoDb.DeleteTableAsync(table, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The zone's settings as a schedule's constant input would give them.</summary>
    private static byte[] Request(string zoneId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Domain", "example.test");
            writer.WriteString("ZoneId", zoneId);
            writer.WriteStartObject("Target");
            writer.WriteString("Kind", "route53");
            writer.WriteEndObject();
            writer.WriteNumber("MaxDeletePercent", 100);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static async Task<(string Outcome, int Changes, int Batches)> InvokeAsync(BootstrapSession session, byte[] request, CancellationToken ct)
    {
        var outcome = await session.InvokeAsync(request, TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
        if (outcome.IsError)
        {
            return ("error: " + (outcome.Error?.ErrorMessage ?? Encoding.UTF8.GetString(outcome.Body)), -1, -1);
        }

        using var answer = JsonDocument.Parse(outcome.Body);
        var zone = answer.RootElement.GetProperty("Zones")[0];
        return (zone.GetProperty("Outcome").GetString() ?? "", zone.GetProperty("Changes").GetInt32(), zone.GetProperty("Batches").GetInt32());
    }
}
