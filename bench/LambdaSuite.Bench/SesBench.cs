using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using LambdaSuite.Data;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Data.Tables;
using LambdaSuite.Runtime;
using SesFeedback;
using SesFeedback.Feedback;
using SesFeedback.Mailing;

namespace LambdaSuite.Bench;

/// <summary>
/// SES notifications through SesFeedback's handler (in process, one container, one event at a time as Lambda
/// delivers SNS) against the configured DynamoDB, with every DynamoDB request counted on the wire.
/// </summary>
public sealed class SesBench(int notifications, int addresses, int rounds, int seed)
{
    public sealed record Round(double Seconds, int Recipients, int Requests, int PutItems, int GetItems);

    public async Task<IReadOnlyList<Round>> RunAsync(ILambdaContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var counter = new CountingHttpClientFactory();
        var environment = (Func<string, string?>)Environment.GetEnvironmentVariable;
        var config = DynamoDbClientFactory.CreateConfig(environment);
        config.HttpClientFactory = counter;
        using var dynamoDb = DynamoDbClientFactory.LocalCredentials(environment) is { } local ? new AmazonDynamoDBClient(local, config) : new AmazonDynamoDBClient(config);
        var table = $"mailing-bench-{Guid.NewGuid():N}";
        await new TableProvisioner(dynamoDb, TimeProvider.System).EnsureAsync(TableCatalog.Mailing, table, ct).ConfigureAwait(false);
        try
        {
            var results = new List<Round>();
            for (var round = 0; round < rounds; round++)
            {
                // A fresh container per round (empty record cache), as a new Lambda instance would be.
                var store = new MailingStore(dynamoDb, table, TimeProvider.System);
                var function = new SesFeedbackFunction(new FeedbackService(store, new MailingRules(SoftBouncePolicy.Default)), store);
                var events = Workload(new Random(seed + round), round);
                counter.Reset();
                var watch = Stopwatch.StartNew();
                foreach (var e in events)
                {
                    await function.InvokeAsync(e, context).ConfigureAwait(false);
                }

                watch.Stop();
                results.Add(new Round(watch.Elapsed.TotalSeconds, events.Count, counter.Total, counter.Count("PutItem"), counter.Count("GetItem")));
            }

            return results;
        }
        finally
        {
            await dynamoDb.DeleteTableAsync(table, ct).ConfigureAwait(false);
        }
    }

    /// <summary>SNS events of one SES notification each (60% deliveries, 20% soft, 10% hard bounces, 10% complaints).</summary>
    private List<byte[]> Workload(Random random, int round)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(round * 30);
        var events = new List<byte[]>(notifications);
        for (var i = 0; i < notifications; i++)
        {
            var address = $"reader{random.Next(addresses)}@bench.example";
            var at = start.AddSeconds(i * 7).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var id = $"r{round}-n{i}";
            var roll = random.Next(10);
            var ses = roll switch
            {
                < 6 => $$$"""{"notificationType":"Delivery","mail":{"timestamp":"{{{at}}}","messageId":"{{{id}}}","source":"news@bench.example","destination":["{{{address}}}"]},"delivery":{"timestamp":"{{{at}}}","recipients":["{{{address}}}"],"smtpResponse":"250 OK"}}""",
                < 8 => Bounce(address, at, id, "Transient"),
                < 9 => Bounce(address, at, id, "Permanent"),
                _ => $$$"""{"notificationType":"Complaint","mail":{"timestamp":"{{{at}}}","messageId":"{{{id}}}","source":"news@bench.example","destination":["{{{address}}}"]},"complaint":{"complainedRecipients":[{"emailAddress":"{{{address}}}"}],"timestamp":"{{{at}}}","feedbackId":"fb-{{{id}}}","complaintFeedbackType":"abuse"}}""",
            };
            var escaped = System.Text.Json.JsonEncodedText.Encode(ses).ToString();
            events.Add(Encoding.UTF8.GetBytes($$$"""{"Records":[{"EventSource":"aws:sns","EventVersion":"1.0","Sns":{"Type":"Notification","MessageId":"{{{id}}}","TopicArn":"arn:aws:sns:us-east-1:000000000000:ses","Message":"{{{escaped}}}","Timestamp":"{{{at}}}"}}]}"""));
        }

        return events;
    }

    private static string Bounce(string address, string at, string id, string type) =>
        $$$"""{"notificationType":"Bounce","mail":{"timestamp":"{{{at}}}","messageId":"{{{id}}}","source":"news@bench.example","destination":["{{{address}}}"]},"bounce":{"bounceType":"{{{type}}}","bounceSubType":"General","bouncedRecipients":[{"emailAddress":"{{{address}}}","diagnosticCode":"smtp; 5xx"}],"timestamp":"{{{at}}}","feedbackId":"fb-{{{id}}}"}}""";
}
