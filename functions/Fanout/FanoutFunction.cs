using LambdaSuite.Aws.Sts;
using LambdaSuite.Aws.Lambda;
using LambdaSuite.Aws.IotData;
using LambdaSuite.Aws.Firehose;
using LambdaSuite.Aws.Kinesis;
using LambdaSuite.Aws.Sqs;
using LambdaSuite.Aws.Sns;
using LambdaSuite.Data.Tables;
using System.Text.Json;
using Fanout.Config;
using Fanout.Delivery;
using Fanout.Metrics;
using Fanout.Records;
using Fanout.Targets;
using LambdaSuite.Aws.Http;
using LambdaSuite.Data;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Events;
using LambdaSuite.Events.Batch;
using LambdaSuite.Runtime;

namespace Fanout;

/// <summary>
/// One stream reader, many destinations: each Kinesis or DynamoDB Streams batch goes to every active mapping of its
/// source, and the answer is a partial batch response (<c>ReportBatchItemFailures</c> on the event source mapping)
/// naming the lowest record that must come again, or none.
/// </summary>
internal sealed class FanoutFunction(IFanoutTargetSource targets, FanoutEngine engine, TimeSpan deadlineMargin, TimeProvider timeProvider) : ILambdaFunction
{
    /// <summary>Every variable <see cref="Create"/> reads (the template sets exactly these).</summary>
    public static IReadOnlyList<string> EnvironmentVariables => FanoutSettings.Variables.All;

    /// <summary>The tables <see cref="Create"/> composes.</summary>
    public static IReadOnlyList<TableDefinition> Tables { get; } = [TableCatalog.FanoutTargets];

    /// <summary>
    /// Every IAM action the composed clients can call: reading the mapping table, delivering to each destination
    /// type (OpenSearch's signed <c>_bulk</c> included), and assuming cross-account roles. Redis and Memcached are
    /// reached by network, not by IAM.
    /// </summary>
    public static IReadOnlyList<string> IamActions { get; } =
        [.. FanoutTargetStore.FunctionIamActions, .. SnsClient.IamActions, .. SqsClient.IamActions, .. KinesisClient.IamActions,
         .. FirehoseClient.IamActions, .. IotDataClient.IamActions, .. LambdaClient.IamActions, .. OpenSearchSender.IamActions, .. StsClient.IamActions];

    public static FanoutFunction Create(Func<string, string?> environment)
    {
        var settings = FanoutSettings.Read(environment);
        var aws = AwsClientFactory.FromEnvironment(environment);
        var store = new FanoutTargetStore(DynamoDbClientFactory.Create(environment), settings.TableName);
        var engine = new FanoutEngine(new TargetSenderFactory(aws, TimeProvider.System), new DeliveryLedger(), aws.RetryPolicy, settings.DeadLetter);
        return new FanoutFunction(new CachedTargetSource(store, settings.ConfigTtl, TimeProvider.System), engine, settings.DeadlineMargin, TimeProvider.System);
    }

    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<SourceBatch> batches;
        try
        {
            batches = SourceReader.Read(eventJson);
        }
        catch (InvalidEventException e)
        {
            throw new LambdaEventException(e.Message, e);
        }

        var metrics = new FanoutMetrics(context.Logger, timeProvider);
        var deadline = timeProvider.GetUtcNow() + context.RemainingTime - deadlineMargin;
        var response = new BatchItemFailuresResponse();
        try
        {
            foreach (var batch in batches)
            {
                var rows = await targets.RowsForAsync(batch.SourceArn, context.CancellationToken).ConfigureAwait(false);
                foreach (var invalid in rows.Where(r => !r.IsValid))
                {
                    context.Logger.Log(LambdaLogLevel.Error, "Invalid fanout mapping ignored", [new("sourceArn", invalid.SourceArn), new("id", invalid.Id), new("errors", string.Join(" ", invalid.Errors))]);
                }

                var active = rows.Where(r => r.IsValid && r.Target!.Active).Select(r => r.Target!).ToArray();
                if (active.Length == 0)
                {
                    WarnUnmapped(context.Logger, batch, rows);
                }

                var result = await engine.DeliverAsync(batch, active, deadline, context.Logger, metrics, context.CancellationToken).ConfigureAwait(false);
                metrics.Source(batch.SourceArn, batch.Count, active.Length, rows.Count(r => !r.IsValid), result.FailedSequenceNumber is not null);
                if (result.FailedSequenceNumber is { } sequence)
                {
                    response.BatchItemFailures.Add(new BatchItemFailure { ItemIdentifier = sequence });
                }
            }
        }
        finally
        {
            // Kinesis batches hold their records' data in a pooled buffer: given back once every target is done.
            foreach (var batch in batches)
            {
                batch.Dispose();
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(response, EventsJsonContext.Default.BatchItemFailuresResponse);
    }

    /// <summary>
    /// Records with nowhere to go are acknowledged (holding the shard for a mapping that may never come would stop
    /// every other consumer of it), but never silently: a typo in a mapping's source ARN, every row inactive or
    /// invalid all end here, and the line names the range an operator can re-read while the stream retains it.
    /// </summary>
    private static void WarnUnmapped(ILambdaLogger logger, SourceBatch batch, IReadOnlyList<FanoutTargetRow> rows)
    {
        var inactive = rows.Count(r => r.IsValid && !r.Target!.Active);
        var invalid = rows.Count(r => !r.IsValid);
        var why = rows.Count == 0 ? "no mapping names this source" : $"{inactive} inactive and {invalid} invalid mapping(s) for this source";
        logger.Log(
            LambdaLogLevel.Warning,
            $"Records acknowledged without a target: no active mapping for this source ({why})",
            [
                new("sourceArn", batch.SourceArn),
                new("firstSequenceNumber", batch.SequenceNumbers[0]),
                new("lastSequenceNumber", batch.SequenceNumbers[^1]),
                new("records", batch.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]);
    }
}
