using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DnsMirror.Config;
using DnsMirror.Sync;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Data;
using LambdaSuite.Data.DnsMirror;
using LambdaSuite.Data.Tables;

namespace LambdaSuite.Cli.Bench;

/// <summary>
/// The function's own per-zone run (<see cref="ZoneSyncService"/>) composed for the bench: Route 53 on the bench's
/// loopback server, zone state in a scratch table of DynamoDB Local (dropped afterwards). Each run starts with no
/// state row, so every round transfers and applies.
/// </summary>
public sealed class DnsBenchSync : IAsyncDisposable
{
    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly AwsClientFactory _aws;
    private readonly ZoneSyncService _service;
    private readonly ZoneJob _job;
    private readonly string _table;

    private DnsBenchSync(IAmazonDynamoDB dynamoDb, AwsClientFactory aws, ZoneSyncService service, ZoneJob job, string table)
    {
        _dynamoDb = dynamoDb;
        _aws = aws;
        _service = service;
        _job = job;
        _table = table;
    }

    public string StateStore => "in DynamoDB table " + _table;

    public static async Task<DnsBenchSync> CreateAsync(Func<string, string?> environment, DnsBenchRoute53 route53, string master, string zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(route53);
        if (string.IsNullOrEmpty(environment("AWS_ENDPOINT_URL_DYNAMODB")) && string.IsNullOrEmpty(environment("AWS_ENDPOINT_URL")))
        {
            throw new InvalidOperationException("No local DynamoDB endpoint for the zone state: run ./suite stack up and eval \"$(./suite stack env)\" first.");
        }

        var table = "dnsMirrorZones-bench-" + Guid.NewGuid().ToString("N")[..8];
        string? Bench(string name) => name switch
        {
            "AWS_ENDPOINT_URL_ROUTE_53" => route53.Endpoint.ToString(),
            "DNS_MIRROR_POLL_SECONDS" => "1",
            _ when name == TableCatalog.DnsMirrorZones.EnvironmentVariable => table,
            _ => environment(name),
        };
        var dynamoDb = DynamoDbClientFactory.Create(Bench);
        await new TableProvisioner(dynamoDb, TimeProvider.System).EnsureAsync(TableCatalog.DnsMirrorZones, table, ct).ConfigureAwait(false);
        var aws = new AwsClientFactory(new AwsEndpointResolver(Bench), new BasicAWSCredentials("bench", "bench"));
        var settings = DnsMirrorSettings.Read(Bench);
        var job = ZoneJobParser.Parse(new ZoneSyncRequest { Domain = zone, Masters = [master], ZoneId = route53.HostedZoneId, MaxDeletePercent = 20 }, settings, Bench);
        var service = new ZoneSyncService(aws.CreateRoute53(), new DnsMirrorZoneStore(dynamoDb, table), settings, TimeProvider.System);
        return new DnsBenchSync(dynamoDb, aws, service, job, table);
    }

    public async Task<ZoneRunReport> RunAsync(CancellationToken ct)
    {
        await _dynamoDb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = _table,
            Key = new Dictionary<string, AttributeValue> { [TableCatalog.DnsMirrorZones.PartitionKey] = new AttributeValue { S = _job.Zone } },
        }, ct).ConfigureAwait(false);
        return await _service.RunAsync(_job, DateTimeOffset.UtcNow.AddMinutes(5), TextWriter.Null, ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _dynamoDb.DeleteTableAsync(_table, CancellationToken.None).ConfigureAwait(false);
        _dynamoDb.Dispose();
        _aws.Dispose();
    }
}
