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
/// and lookups (every invocation is one device); Fanout one workload per input kind (plain Kinesis records, KPL
/// aggregates, DynamoDB Streams records converted to JSON), each event as close to Lambda's 6 MB invocation payload
/// limit as whole records allow (the limit, not the 10,000-record batch size, bounds a batch of ~1 KB records),
/// forwarded to Redis; DnsMirror one whole sync of a generated 100,000-record zone, transferred from
/// a BIND 9 started here, into a 1%-disturbed hosted zone on the bench's loopback Route 53; ChatRelay a burst of
/// HipChat requests and alerts up to its largest bodies (SizingWorkloads.ChatRelay.cs). Each function gets its own
/// table, deleted afterwards.
/// </summary>
internal sealed partial class SizingWorkloads(IAmazonDynamoDB dynamoDb, Func<string, string?> environment)
{
    public static IReadOnlyList<string> Functions { get; } = ["SesFeedback", "IotRegistry", "Fanout", "DnsMirror", "ChatRelay"];

    /// <summary>Lambda's limit on an invocation payload (synchronous and event source mappings): 6 MB.</summary>
    public const int MaxPayloadBytes = 6 * 1024 * 1024;

    /// <summary>The function's workloads, each run in a bootstrap of its own (Fanout has one per input kind).</summary>
    public async Task<IReadOnlyList<SizingWorkload>> CreateAsync(string function, CancellationToken cancellationToken) => function switch
    {
        "SesFeedback" => [await SesFeedbackAsync(cancellationToken).ConfigureAwait(false)],
        "IotRegistry" => [await IotRegistryAsync(cancellationToken).ConfigureAwait(false)],
        "Fanout" => await FanoutAsync(cancellationToken).ConfigureAwait(false),
        "DnsMirror" => [await DnsMirrorAsync(cancellationToken).ConfigureAwait(false)],
        "ChatRelay" => [await ChatRelayAsync(cancellationToken).ConfigureAwait(false)],
        _ => throw new ArgumentException($"No sizing workload for '{function}'; known: {string.Join(", ", Functions)}.", nameof(function)),
    };

    /// <summary>
    /// The largest event <paramref name="build"/> makes from a record count that fits <see cref="MaxPayloadBytes"/>:
    /// the count is scaled by the measured size, then stepped down until it fits.
    /// </summary>
    public static byte[] LargestUnder(int maxBytes, Func<int, byte[]> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var count = 1_000;
        var payload = build(count);
        count = Math.Max(1, (int)((long)count * maxBytes / payload.Length));
        payload = build(count);
        while (payload.Length > maxBytes && count > 1)
        {
            count -= Math.Max(1, count / 200);
            payload = build(count);
        }

        return payload.Length <= maxBytes ? payload : throw new InvalidOperationException($"Even one record makes an event of {payload.Length} bytes, over {maxBytes}.");
    }

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

    private async Task<IReadOnlyList<SizingWorkload>> FanoutAsync(CancellationToken cancellationToken)
    {
        var redis = environment("SUITE_REDIS")
            ?? throw new InvalidOperationException("SUITE_REDIS is not set: start the local stack (./suite stack up).");
        var (variables, cleanUp) = await OwnTableAsync(TableCatalog.FanoutTargets, cancellationToken).ConfigureAwait(false);
        var store = new FanoutTargetStore(dynamoDb, variables[TableCatalog.FanoutTargets.EnvironmentVariable]!);
        await store.PutAsync(
            new FanoutTarget { SourceArn = FanoutBenchInputs.KinesisSource, Id = "sizing-redis", Type = FanoutTargetType.Redis, Destination = redis, Active = true, Ttl = 60, Deaggregate = true },
            mustExist: false,
            cancellationToken).ConfigureAwait(false);
        await store.PutAsync(
            new FanoutTarget { SourceArn = FanoutBenchInputs.DynamoDbSource, Id = "sizing-redis", Type = FanoutTargetType.Redis, Destination = redis, Active = true, Ttl = 60, ConvertDdb = true },
            mustExist: false,
            cancellationToken).ConfigureAwait(false);

        // Three events per kind, different data each (seeds), so a run is not one event's luck.
        List<byte[]> Events(Func<int, int, byte[]> build) => [.. Enumerable.Range(0, 3).Select(run => LargestUnder(MaxPayloadBytes, count => build(42 + run, count)))];
        var plain = Events((seed, count) => FanoutBenchInputs.PlainKinesisEvent(FanoutBenchInputs.Records(seed, count, 1024)));
        var kpl = Events((seed, count) => FanoutBenchInputs.AggregatedKinesisEvent(FanoutBenchInputs.Records(seed, count, 1024)));
        var ddb = Events((seed, count) => FanoutBenchInputs.DynamoDbEvent(seed, count, 1024));

        // One table for the three; the last workload's clean-up drops it.
        return
        [
            new SizingWorkload("Fanout", $"plain: 3 Kinesis events of {Mib(plain)} MiB (~1 KB records) to Redis", variables, plain, () => Task.CompletedTask) { Label = "Fanout/plain" },
            new SizingWorkload("Fanout", $"kpl: 3 Kinesis events of {Mib(kpl)} MiB (KPL aggregates of ~1 KB records) to Redis", variables, kpl, () => Task.CompletedTask) { Label = "Fanout/kpl" },
            new SizingWorkload("Fanout", $"dynamodb: 3 DynamoDB Streams events of {Mib(ddb)} MiB (~1 KB images, converted) to Redis", variables, ddb, cleanUp) { Label = "Fanout/ddb" },
        ];
    }

    private static string Mib(List<byte[]> events) => (events.Max(e => e.Length) / (1024.0 * 1024)).ToString("0.00", CultureInfo.InvariantCulture);

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
