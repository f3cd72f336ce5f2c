using System.Text;
using LambdaSuite.Data;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Data.Tables;
using LambdaSuite.Events;
using LambdaSuite.Events.Batch;
using LambdaSuite.Events.Detection;
using LambdaSuite.Runtime;
using SesFeedback.Feedback;
using SesFeedback.Mailing;

namespace SesFeedback;

/// <summary>
/// One function for every wiring of SES feedback: SNS (Lambda subscription), SQS (SNS envelope or raw message
/// delivery, with partial batch failures), EventBridge (<c>detail</c>), a direct invoke with the SES message,
/// and HTTP (<c>GET /mailing/{address}</c> and <c>GET /health</c> through ALB or API Gateway).
/// </summary>
internal sealed class SesFeedbackFunction(FeedbackService feedback, MailingStore store) : ILambdaFunction
{
    /// <summary>The variables this function reads (its settings; the runtime's own AWS_* and AWS_LAMBDA_* come from Lambda).</summary>
    public static IReadOnlyList<string> EnvironmentVariables => SesFeedbackSettings.Variables.All;

    /// <summary>The tables <see cref="Create"/> composes.</summary>
    public static IReadOnlyList<TableDefinition> Tables { get; } = [TableCatalog.Mailing];

    /// <summary>Every IAM action the composed clients can call: only the mailing store's, on the mailing table.</summary>
    public static IReadOnlyList<string> IamActions => MailingStore.FunctionIamActions;

    public static SesFeedbackFunction Create(Func<string, string?> environment)
    {
        var settings = SesFeedbackSettings.Read(environment);
        var store = new MailingStore(DynamoDbClientFactory.Create(environment), settings.TableName, TimeProvider.System);
        return new SesFeedbackFunction(new FeedbackService(store, new MailingRules(settings.SoftBouncePolicy)), store);
    }

    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return EventShapeDetector.Detect(eventJson.Span) switch
        {
            EventShape.Sns => await FromSnsAsync(EventJson.Parse(eventJson.Span, EventsJsonContext.Default.SnsEvent), context).ConfigureAwait(false),
            EventShape.Sqs => await FromSqsAsync(EventJson.Parse(eventJson.Span, EventsJsonContext.Default.SqsEvent), context).ConfigureAwait(false),
            EventShape.EventBridge => await FromEventBridgeAsync(EventJson.Parse(eventJson.Span, EventsJsonContext.Default.EventBridgeEvent), context).ConfigureAwait(false),
            EventShape.Http => await MailingHttpApi.HandleAsync(eventJson, store, context.CancellationToken).ConfigureAwait(false)
                ?? throw new LambdaEventException("SesFeedback took the event for HTTP, but it is not an ALB or API Gateway request."),
            EventShape.Raw => await FromDirectAsync(Encoding.UTF8.GetString(eventJson.Span), context).ConfigureAwait(false),
            EventShape.NotJson => throw new LambdaEventException("SesFeedback event is not JSON."),
            var other => throw new LambdaEventException($"SesFeedback does not take {other} events."),
        };
    }

    /// <summary>SNS: a bad message is logged with its MessageId and skipped; a DynamoDB error fails the invocation so SNS retries.</summary>
    private async Task<byte[]> FromSnsAsync(LambdaSuite.Events.Sns.SnsEvent snsEvent, ILambdaContext context)
    {
        var summary = new FeedbackSummary();
        foreach (var record in snsEvent.Records)
        {
            var id = record.Sns?.MessageId ?? "(no MessageId)";
            await ApplyOrRejectAsync(record.Sns?.Message, id, summary, context).ConfigureAwait(false);
        }

        return summary.ToJson();
    }

    /// <summary>SQS: every failed message, bad or not applied, is a batch item failure; the others are done.</summary>
    private async Task<byte[]> FromSqsAsync(LambdaSuite.Events.Sqs.SqsEvent sqsEvent, ILambdaContext context)
    {
        var response = new BatchItemFailuresResponse();
        foreach (var message in sqsEvent.Records)
        {
            var id = message.MessageId ?? "";
            try
            {
                LogSkipped(context, id, await feedback.ApplyAsync(SqsBody.SesMessageOf(message.Body), context.CancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log(context, LambdaLogLevel.Error, "SQS message not applied; reported as a batch item failure", id, e);
                response.BatchItemFailures.Add(new BatchItemFailure { ItemIdentifier = id });
            }
        }

        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(response, EventsJsonContext.Default.BatchItemFailuresResponse);
    }

    private async Task<byte[]> FromEventBridgeAsync(LambdaSuite.Events.EventBridge.EventBridgeEvent bridgeEvent, ILambdaContext context)
    {
        var summary = new FeedbackSummary();
        await ApplyOrRejectAsync(bridgeEvent.Detail.ValueKind == System.Text.Json.JsonValueKind.Object ? bridgeEvent.Detail.GetRawText() : null, bridgeEvent.Id ?? "(no id)", summary, context).ConfigureAwait(false);
        return summary.ToJson();
    }

    private async Task<byte[]> FromDirectAsync(string sesMessage, ILambdaContext context)
    {
        var summary = new FeedbackSummary();
        await ApplyOrRejectAsync(sesMessage, context.AwsRequestId, summary, context).ConfigureAwait(false);
        return summary.ToJson();
    }

    private async Task ApplyOrRejectAsync(string? sesMessage, string id, FeedbackSummary summary, ILambdaContext context)
    {
        try
        {
            var result = await feedback.ApplyAsync(sesMessage ?? "", context.CancellationToken).ConfigureAwait(false);
            LogSkipped(context, id, result);
            summary.Add(result);
        }
        catch (InvalidFeedbackException e)
        {
            // Retrying cannot fix a malformed message: log it (with its id, to find it) and go on with the rest.
            Log(context, LambdaLogLevel.Warning, "SES message rejected and skipped", id, e);
            summary.Reject(id, e.Message);
        }
    }

    /// <summary>One warning per refused recipient: the reason and the message id, never the address (logs are kept longer than the table).</summary>
    private static void LogSkipped(ILambdaContext context, string messageId, FeedbackResult result)
    {
        foreach (var skipped in result.SkippedRecipients)
        {
            context.Logger.Log(LambdaLogLevel.Warning, "SES recipient refused and skipped; the rest of the message is applied", [new("messageId", messageId), new("reason", skipped.Reason)]);
        }
    }

    private static void Log(ILambdaContext context, LambdaLogLevel level, string message, string messageId, Exception e) =>
        context.Logger.Log(level, message, [new("messageId", messageId), new("reason", e.Message)], level >= LambdaLogLevel.Error ? e : null);
}
