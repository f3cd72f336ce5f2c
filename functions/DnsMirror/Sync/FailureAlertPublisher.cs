using System.Text.Json;
using DnsMirror.Config;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Sns;
using LambdaSuite.Runtime;

namespace DnsMirror.Sync;

/// <summary>
/// Publishes a failed zone's report to the suite's alert topic (<c>SUITE_ALERT_TOPIC_ARN</c>), where ChatRelay turns
/// it into a Slack message. The alert is a courtesy on top of the run's own record: the zone's state row, the
/// report in the answer and the invocation's error stay what they are whether or not SNS takes the message, so a
/// failed publish is logged and swallowed, and the publish is cut off after <see cref="Budget"/>.
/// </summary>
internal sealed class FailureAlertPublisher(ISnsClient sns, string topicArn, TimeProvider time)
{
    /// <summary>Longest the publish may hold up the run's answer (retries included).</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    /// <summary>A reason longer than this is cut: the alert is for a chat channel, the whole text is in the log.</summary>
    public const int MaxReasonLength = 1000;

    public string TopicArn { get; } = topicArn;

    /// <summary>The publisher the settings ask for, or null (nothing published) when no topic is set.</summary>
    public static FailureAlertPublisher? Create(AwsClientFactory aws, DnsMirrorSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(settings);
        return string.IsNullOrWhiteSpace(settings.AlertTopicArn) ? null : new FailureAlertPublisher(aws.CreateSns(), settings.AlertTopicArn, time);
    }

    /// <summary>Publishes <paramref name="report"/> when its outcome is Failed; returns whether a message was published.</summary>
    public async Task<bool> PublishIfFailedAsync(ZoneRunReport report, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        if (report.Outcome != nameof(ZoneRunOutcome.Failed))
        {
            return false;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        budget.CancelAfter(Budget);
        try
        {
            var message = JsonSerializer.Serialize(Build(report, context.AwsRequestId), DnsMirrorJsonContext.Default.FailureAlert);
            var published = await sns.WithDeadline(time.GetUtcNow() + Budget).PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = message }, budget.Token).ConfigureAwait(false);
            context.Logger.Log(LambdaLogLevel.Information, "failure alert published", [new("zone", report.Zone), new("messageId", published.MessageId)]);
            return true;
        }
        catch (Exception failure) when (failure is not OperationCanceledException || budget.IsCancellationRequested)
        {
            // The zone's failure is already recorded and is still reported by the invocation; only the alert is lost.
            context.Logger.Log(
                LambdaLogLevel.Warning,
                "failure alert not published; the zone's failure stands",
                [new("zone", report.Zone), new("topic", TopicArn), new("error", failure.GetType().Name + ": " + failure.Message)]);
            return false;
        }
    }

    /// <summary>The contract's alert (b): <c>{"source":"DnsMirror","summary":...,"details":{zone, outcome, reason, ...}}</c>.</summary>
    public static FailureAlert Build(ZoneRunReport report, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(report);
        var zone = string.IsNullOrEmpty(report.Zone) ? "(no zone named)" : report.Zone;
        var reason = OneLine(report.Error ?? "no reason recorded");
        var alert = new FailureAlert { Summary = $"DnsMirror could not mirror zone {zone}: {Cut(reason, 200)}" };
        alert.Details["zone"] = zone;
        alert.Details["outcome"] = report.Outcome;
        alert.Details["reason"] = Cut(reason, MaxReasonLength);
        if (!string.IsNullOrEmpty(report.Master))
        {
            alert.Details["master"] = report.Master;
        }

        if (!string.IsNullOrEmpty(requestId))
        {
            alert.Details["requestId"] = requestId;
        }

        return alert;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Cut(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
