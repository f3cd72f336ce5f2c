using System.Text.Json;
using ChatRelay.Relay;
using LambdaSuite.Events;
using LambdaSuite.Events.Sns;
using LambdaSuite.Runtime;

namespace ChatRelay.Alerts;

/// <summary>
/// The SNS door: each record of the suite's alert topic is formatted (<see cref="AlertFormatter"/>) and posted to
/// <c>ALERT_CHANNEL</c> once, keyed by the SNS MessageId, so Lambda's retries of an asynchronous invocation do not
/// post it again. A post Slack refused or could not take throws: Lambda retries the event and, after that, its
/// failure destination keeps it. Without a channel the alert is logged (at WARN) and dropped.
/// </summary>
internal sealed class AlertHandler(SlackRelay relay, string? channel)
{
    public async Task<AlertAnswer> HandleAsync(ReadOnlyMemory<byte> eventJson, DateTimeOffset deadline, ILambdaLogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        SnsEvent? snsEvent;
        try
        {
            snsEvent = JsonSerializer.Deserialize(eventJson.Span, EventsJsonContext.Default.SnsEvent);
        }
        catch (JsonException e)
        {
            throw new LambdaEventException("The SNS event could not be read: " + ErrorText.OneLine(e.Message), e);
        }

        int posted = 0, duplicates = 0, dropped = 0;
        foreach (var record in snsEvent?.Records ?? [])
        {
            var sns = record.Sns ?? throw new LambdaEventException("An SNS record has no Sns object.");
            var text = sns.Message ?? string.Empty;
            if (channel is null)
            {
                logger.Log(LambdaLogLevel.Warning, "alert dropped: ALERT_CHANNEL is not set", [new("messageId", sns.MessageId), new("subject", sns.Subject)]);
                dropped++;
                continue;
            }

            var message = AlertFormatter.Format(channel, sns.Subject, text);
            var key = IdempotencyKey.Of("sns", sns.TopicArn ?? string.Empty, sns.MessageId ?? IdempotencyKey.Of(text));
            var result = await relay.SendAsync(message, key, deadline, cancellationToken).ConfigureAwait(false);
            logger.Log(
                result.Delivered ? LambdaLogLevel.Information : LambdaLogLevel.Error,
                "alert " + result.Outcome,
                [new("messageId", sns.MessageId), new("channel", channel), new("slackError", result.Error), new("ts", result.Ts)]);
            switch (result.Outcome)
            {
                case RelayOutcome.Posted: posted++; break;
                case RelayOutcome.Duplicate: duplicates++; break;
                default:
                    throw new InvalidOperationException($"Slack did not take the alert {sns.MessageId} ({result.Outcome}: {result.Error}); Lambda retries the event.");
            }
        }

        return new AlertAnswer(posted, duplicates, dropped);
    }
}
