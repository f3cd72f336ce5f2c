using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using LambdaSuite.Data;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Route53;

namespace LambdaSuite.Bench;

/// <summary>
/// The heaviest legal invocation of each function, within Lambda's limits, against the local stack: SesFeedback gets
/// SQS batches of 10 notifications with 50 recipients each (SES's per-message maximum); IotRegistry registrations
/// and lookups (every invocation is one device); Fanout 10,000-record Kinesis batches (the event source mapping's
/// largest batch) forwarded to Redis; DnsMirror one whole sync of a generated 100,000-record zone, transferred from
/// a BIND 9 started here, into a 1%-disturbed hosted zone on the bench's loopback Route 53. Each function gets its
/// own table, deleted afterwards.
/// </summary>
internal sealed class SizingWorkloads(IAmazonDynamoDB dynamoDb, Func<string, string?> environment)
{
    public static IReadOnlyList<string> Functions { get; } = ["SesFeedback", "IotRegistry", "Fanout", "DnsMirror"];

    public Task<SizingWorkload> CreateAsync(string function, CancellationToken cancellationToken) => function switch
    {
        "SesFeedback" => SesFeedbackAsync(cancellationToken),
        "IotRegistry" => IotRegistryAsync(cancellationToken),
        "Fanout" => FanoutAsync(cancellationToken),
        "DnsMirror" => DnsMirrorAsync(cancellationToken),
        _ => throw new ArgumentException($"No sizing workload for '{function}'; known: {string.Join(", ", Functions)}.", nameof(function)),
    };

    private async Task<SizingWorkload> SesFeedbackAsync(CancellationToken cancellationToken)
    {
        var (variables, cleanUp) = await OwnTableAsync(TableCatalog.Mailing, cancellationToken).ConfigureAwait(false);
        var events = new List<byte[]>();
        for (var batch = 0; batch < 10; batch++)
        {
            var messages = Enumerable.Range(0, 10).Select(m => SnsEnvelope(Bounce(batch, m))).ToList();
            events.Add(SqsEvent(messages));
        }

        return new SizingWorkload("SesFeedback", "10 SQS batches x 10 bounces x 50 recipients", variables, events, cleanUp);
    }

    private async Task<SizingWorkload> IotRegistryAsync(CancellationToken cancellationToken)
    {
        var (variables, cleanUp) = await OwnTableAsync(TableCatalog.IotCatalog, cancellationToken).ConfigureAwait(false);
        var events = new List<byte[]>();
        for (var i = 0; i < 200; i++)
        {
            var id = i.ToString("D4", CultureInfo.InvariantCulture);
            events.Add(Encoding.UTF8.GetBytes(
                $$"""{"serialNumber":"SN-SIZE-{{id}}","clientId":"ID-SIZE-{{id}}","device":"sizing","type":"MySmartIoTDevice","activationCode":"AC-SIZE-{{id}}-XQ7P","activated":"false","mqttClientId":"ID-SIZE-{{id}}"}"""));
            events.Add(Encoding.UTF8.GetBytes(
                $$"""{"version":"2.0","routeKey":"GET /devices/{serialNumber}/{clientId}","rawPath":"/devices/SN-SIZE-{{id}}/ID-SIZE-{{id}}","rawQueryString":"","headers":{},"requestContext":{"http":{"method":"GET","path":"/devices/SN-SIZE-{{id}}/ID-SIZE-{{id}}"},"requestId":"size{{id}}"},"isBase64Encoded":false}"""));
        }

        return new SizingWorkload("IotRegistry", "200 registrations + 200 lookups", variables, events, cleanUp);
    }

    private async Task<SizingWorkload> FanoutAsync(CancellationToken cancellationToken)
    {
        var redis = environment("SUITE_REDIS")
            ?? throw new InvalidOperationException("SUITE_REDIS is not set: start the local stack (./suite stack up).");
        var (variables, cleanUp) = await OwnTableAsync(TableCatalog.FanoutTargets, cancellationToken).ConfigureAwait(false);
        var store = new FanoutTargetStore(dynamoDb, variables[TableCatalog.FanoutTargets.EnvironmentVariable]!);
        await store.PutAsync(
            new FanoutTarget { SourceArn = FanoutBenchInputs.KinesisSource, Id = "sizing-redis", Type = FanoutTargetType.Redis, Destination = redis, Active = true, Ttl = 60 },
            mustExist: false,
            cancellationToken).ConfigureAwait(false);
        var events = Enumerable.Range(0, 3)
            .Select(run => FanoutBenchInputs.PlainKinesisEvent(FanoutBenchInputs.Records(seed: 42 + run, count: 10_000, size: 1024)))
            .ToList();
        return new SizingWorkload("Fanout", "3 Kinesis batches x 10,000 records x 1 KB to Redis", variables, events, cleanUp);
    }

    private async Task<SizingWorkload> DnsMirrorAsync(CancellationToken cancellationToken)
    {
        const int Records = 100_000;
        var zone = DnsBenchZone.Generate(seed: 42, Records);
        var named = await DnsBenchNamed.StartAsync(RepositoryLayout.Discover(), zone.Origin, zone.ToZoneFile(), DnsBenchZone.Serial, cancellationToken).ConfigureAwait(false);
        var route53 = await Route53FakeServer.StartAsync(new FakeRoute53("ZSIZING000001")).ConfigureAwait(false);
        route53.Zone.Load(DnsBenchListing.Create(zone, seed: 42, percent: 1).FakeSets());
        var (variables, dropTable) = await OwnTableAsync(TableCatalog.DnsMirrorZones, cancellationToken).ConfigureAwait(false);
        variables["AWS_ENDPOINT_URL_ROUTE_53"] = route53.Endpoint.ToString();
        variables[DnsMirror.DnsMirrorSettings.Variables.PollInterval] = "1";
        var run = $$"""{"Domain":"{{zone.Origin}}","Masters":["{{named.Master}}"],"ZoneId":"{{route53.Zone.HostedZoneId}}","MaxDeletePercent":20}""";
        return new SizingWorkload("DnsMirror", $"1 whole sync of a {Records:N0}-record zone (AXFR from BIND 9, loopback Route 53)", variables, [Encoding.UTF8.GetBytes(run)], async () =>
        {
            await dropTable().ConfigureAwait(false);
            await route53.DisposeAsync().ConfigureAwait(false);
            named.Dispose();
        });
    }

    private async Task<(Dictionary<string, string?> Variables, Func<Task> CleanUp)> OwnTableAsync(TableDefinition table, CancellationToken cancellationToken)
    {
        var name = $"{table.LogicalName}-sizing-{Guid.NewGuid():N}";
        await new TableProvisioner(dynamoDb, TimeProvider.System).EnsureAsync(table, name, cancellationToken).ConfigureAwait(false);
        return (new Dictionary<string, string?> { [table.EnvironmentVariable] = name }, () => dynamoDb.DeleteTableAsync(name));
    }

    private static string Bounce(int batch, int message)
    {
        var recipients = Enumerable.Range(0, 50).Select(r => $$"""{"emailAddress":"reader{{batch}}-{{message}}-{{r}}@sizing.example","action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown"}""");
        var destination = Enumerable.Range(0, 50).Select(r => $"\"reader{batch}-{message}-{r}@sizing.example\"");
        var mail = $$"""{"timestamp":"2026-11-01T08:00:00.000Z","messageId":"sizing-{{batch}}-{{message}}","source":"news@sizing.example","destination":[{{string.Join(',', destination)}}]""" + "}";
        var bounce = $$"""{"bounceType":"Permanent","bounceSubType":"General","bouncedRecipients":[{{string.Join(',', recipients)}}],"timestamp":"2026-11-01T08:00:05.000Z","feedbackId":"fb-{{batch}}-{{message}}""" + "\"}";
        return "{\"notificationType\":\"Bounce\",\"mail\":" + mail + ",\"bounce\":" + bounce + "}";
    }

    private static string SnsEnvelope(string message) =>
        $$"""{"Type":"Notification","MessageId":"{{Guid.NewGuid()}}","TopicArn":"arn:aws:sns:us-east-1:111122223333:ses-feedback","Message":"{{JsonEncodedText.Encode(message)}}","Timestamp":"2026-11-01T08:00:05.000Z"}""";

    private static byte[] SqsEvent(IReadOnlyList<string> bodies)
    {
        var records = bodies.Select((body, i) =>
            $$"""{"messageId":"{{Guid.NewGuid()}}","receiptHandle":"r{{i}}","body":"{{JsonEncodedText.Encode(body)}}","attributes":{},"messageAttributes":{},"md5OfBody":"","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:111122223333:ses-feedback","awsRegion":"us-east-1"}""");
        return Encoding.UTF8.GetBytes($$"""{"Records":[{{string.Join(',', records)}}]}""");
    }
}
