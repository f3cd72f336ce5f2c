using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Sns;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.Data;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Data.Tables;

namespace LambdaSuite.Demo;

/// <summary>
/// The second half of the SesFeedback scene: the same SES notifications through the template's queued wiring
/// (SES → SNS topic → SQS queue in SNS envelopes → event source mapping with ReportBatchItemFailures → bootstrap),
/// the topic and queues in the stack's moto, into a table of their own; the malformed notification must be the one
/// message reported, left in the queue, then moved to the dead-letter queue, and the table must end as the direct
/// wiring's does.
/// </summary>
public static class SesFeedbackQueueScene
{
    // The template redrives after 5 receives with a 180 s visibility timeout; the scene shortens both to see the
    // dead-letter queue take the malformed message within a second.
    private const int MaxReceiveCount = 1;
    private const int VisibilityTimeoutSeconds = 1;

    public static async Task<int> RunAsync(RepositoryLayout layout, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("\n== SesFeedback through its queue (SesFeedbackThroughQueue): SES -> SNS -> SQS -> event source mapping -> bootstrap, in moto").ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        var environment = (Func<string, string?>)Environment.GetEnvironmentVariable;
        using var aws = AwsClientFactory.FromEnvironment(environment);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var wiring = await FeedbackQueueWiring.CreateAsync(aws, "ses-feedback-demo-" + suffix, MaxReceiveCount, VisibilityTimeoutSeconds, ct).ConfigureAwait(false);
        await output.WriteLineAsync($"  topic         {wiring.TopicArn}\n  subscription  {wiring.SubscriptionArn} (sqs, RawMessageDelivery false: SNS envelopes)\n  queue         {wiring.QueueArn} (dead-letter queue after {MaxReceiveCount} receive, visibility {VisibilityTimeoutSeconds} s)").ConfigureAwait(false);

        var messages = SesMessages(layout);
        var sns = aws.CreateSns();
        foreach (var message in messages)
        {
            await sns.PublishAsync(new PublishRequest { TopicArn = wiring.TopicArn, Message = message }, ct).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  published     {messages.Count} SES notifications to the topic").ConfigureAwait(false);
        using var dynamoDb = DynamoDbClientFactory.Create(environment);
        var table = "mailing-queued-demo-" + suffix;
        await new TableProvisioner(dynamoDb, TimeProvider.System).EnsureAsync(TableCatalog.Mailing, table, ct).ConfigureAwait(false);
        try
        {
            var mapping = new SqsEventSourceMapping(aws.CreateSqs(), wiring.QueueUrl, wiring.QueueArn);
            var variables = new Dictionary<string, string?> { [LambdaSuite.Data.Tables.TableCatalog.Mailing.EnvironmentVariable] = table };
            IReadOnlyList<SqsBatchOutcome> polls;
            IReadOnlyList<SqsBatchOutcome> afterTimeout;
            int leftInQueue;
            await using (var session = await BootstrapSession.StartAsync(layout.PackagedBootstrap("SesFeedback"), "SesFeedback", null, ct, variables).ConfigureAwait(false))
            {
                polls = await mapping.DrainAsync(session, maxPolls: 10, ct).ConfigureAwait(false);
                leftInQueue = await FeedbackQueueWiring.CountAsync(aws, wiring.QueueUrl, ct).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromSeconds(VisibilityTimeoutSeconds + 0.5), ct).ConfigureAwait(false);
                afterTimeout = await mapping.DrainAsync(session, maxPolls: 10, ct).ConfigureAwait(false);
            }

            for (var i = 0; i < polls.Count; i++)
            {
                var poll = polls[i];
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  poll {i + 1}        received {poll.Received.Count}, function reported {poll.Reported.Count} failure(s), deleted {poll.Deleted.Count}{(poll.Verdict?.WholeBatchFailed == true ? " (whole batch failed: " + poll.Verdict.Reason + ")" : "")}")).ConfigureAwait(false);
            }

            var dead = await FeedbackQueueWiring.CountAsync(aws, wiring.DeadLetterQueueUrl, ct).ConfigureAwait(false);
            var remaining = await FeedbackQueueWiring.CountAsync(aws, wiring.QueueUrl, ct).ConfigureAwait(false);
            await output.WriteLineAsync($"  left in queue {leftInQueue} after the polls; after the visibility timeout: {afterTimeout.Sum(p => p.Received.Count)} received again, queue {remaining}, dead-letter queue {dead}").ConfigureAwait(false);

            var records = await SesFeedbackDemo.ReadAllAsync(new MailingStore(dynamoDb, table, TimeProvider.System), ct).ConfigureAwait(false);
            var problems = SesFeedbackDemo.WrongStates(records).Select(a => "unexpected state for " + a).ToList();
            var received = polls.Sum(p => p.Received.Count);
            var reported = polls.Sum(p => p.Reported.Count);
            var deleted = polls.Sum(p => p.Deleted.Count);
            if (received != messages.Count || reported != 1 || deleted != messages.Count - 1 || leftInQueue != 1 || remaining != 0 || dead != 1)
            {
                problems.Add($"expected {messages.Count} received, 1 reported, {messages.Count - 1} deleted, 1 left then 0 in the queue and 1 in the dead-letter queue");
            }

            await output.WriteLineAsync(problems.Count == 0
                ? $"  SesFeedback through the queue: table {table} holds the same states; only the malformed notification was kept, now in the dead-letter queue ({watch.ElapsedMilliseconds} ms)."
                : $"  SesFeedback through the queue: {string.Join("; ", problems)}").ConfigureAwait(false);
            return problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            await dynamoDb.DeleteTableAsync(table, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The SES message inside each SNS record of demo/ses, in file order: what SES published.</summary>
    private static List<string> SesMessages(RepositoryLayout layout)
    {
        var messages = new List<string>();
        foreach (var file in Directory.GetFiles(layout.FullPath("demo/ses"), "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            messages.AddRange(document.RootElement.GetProperty("Records").EnumerateArray()
                .Select(r => r.GetProperty("Sns").GetProperty("Message").GetString() ?? throw new FormatException($"{Path.GetFileName(file)}: a record without Sns.Message.")));
        }

        return messages;
    }
}
