using System.Text.Json;
using LambdaSuite.Aws.Sqs;
using LambdaSuite.Events;
using LambdaSuite.Events.Sqs;

namespace LambdaSuite.Harness.Runtime;

/// <summary>
/// Lambda's SQS event source mapping (with <c>ReportBatchItemFailures</c>), played locally against a real queue:
/// receive up to <see cref="BatchSize"/> messages, hand them to the function as the SQS event Lambda builds, delete
/// the ones the function did not report and leave the rest to come back after their visibility timeout (and, past
/// the queue's <c>maxReceiveCount</c>, to move to its dead-letter queue). The demo and the end-to-end tests share it.
/// </summary>
public sealed class SqsEventSourceMapping
{
    private readonly SqsClient _sqs;
    private readonly string _queueUrl;
    private readonly string _queueArn;
    private readonly string _region;

    /// <param name="queueArn">The queue's ARN, which Lambda puts in every record's <c>eventSourceARN</c>.</param>
    public SqsEventSourceMapping(SqsClient sqs, string queueUrl, string queueArn)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentException.ThrowIfNullOrEmpty(queueUrl);
        ArgumentException.ThrowIfNullOrEmpty(queueArn);
        var parts = queueArn.Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "sqs")
        {
            throw new ArgumentException($"'{queueArn}' is not an SQS queue ARN (arn:PARTITION:sqs:REGION:ACCOUNT:NAME).", nameof(queueArn));
        }

        _sqs = sqs;
        _queueUrl = queueUrl;
        _queueArn = queueArn;
        _region = parts[3];
    }

    /// <summary>Lambda's default and maximum for a standard queue without a batching window (ReceiveMessage takes 1 to 10).</summary>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value is >= 1 and <= 10
            ? value
            : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "An SQS receive takes 1 to 10 messages.");
    }

    private readonly int _batchSize = 10;

    /// <summary>The function timeout each invocation gets.</summary>
    public TimeSpan InvocationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>One receive, one invocation (none when the queue gave nothing), one delete of the messages that succeeded.</summary>
    public async Task<SqsBatchOutcome> PollOnceAsync(Func<ReadOnlyMemory<byte>, CancellationToken, Task<InvocationOutcome>> invoke, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoke);
        var received = await _sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest
            {
                QueueUrl = _queueUrl,
                MaxNumberOfMessages = BatchSize,
                WaitTimeSeconds = 0,
                MessageSystemAttributeNames = ["All"],
                MessageAttributeNames = ["All"],
            },
            cancellationToken).ConfigureAwait(false);
        if (received.Messages.Count == 0)
        {
            return SqsBatchOutcome.Empty;
        }

        var ids = received.Messages.Select(m => m.MessageId).ToList();
        var eventJson = JsonSerializer.SerializeToUtf8Bytes(ToEvent(received.Messages), EventsJsonContext.Default.SqsEvent);
        var outcome = await invoke(eventJson, cancellationToken).ConfigureAwait(false);
        var verdict = SqsBatchVerdict.Judge(outcome, ids);
        var done = received.Messages.Where(m => !verdict.FailedMessageIds.Contains(m.MessageId)).ToList();
        var (deleted, deleteFailures) = await DeleteAsync(done, cancellationToken).ConfigureAwait(false);
        return new SqsBatchOutcome(ids, [.. ids.Where(verdict.FailedMessageIds.Contains)], deleted, deleteFailures, verdict, outcome.Body);
    }

    /// <summary>Polls <paramref name="session"/>'s function until two receives in a row come back empty (or <paramref name="maxPolls"/> is reached).</summary>
    public async Task<IReadOnlyList<SqsBatchOutcome>> DrainAsync(BootstrapSession session, int maxPolls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var polls = new List<SqsBatchOutcome>();
        var emptyInARow = 0;

        // A short poll samples only some of SQS's servers, so one empty answer does not prove the queue is empty.
        for (var i = 0; i < maxPolls && emptyInARow < 2; i++)
        {
            var poll = await PollOnceAsync((body, ct) => session.InvokeAsync(body, InvocationTimeout, ct), cancellationToken).ConfigureAwait(false);
            if (poll.Received.Count == 0)
            {
                emptyInARow++;
                continue;
            }

            emptyInARow = 0;
            polls.Add(poll);
        }

        return polls;
    }

    /// <summary>The record shape Lambda sends for SQS: camel-case names, system attributes as strings, region from the ARN.</summary>
    public SqsEvent ToEvent(IReadOnlyList<Message> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return new SqsEvent
        {
            Records = [.. messages.Select(m => new SqsMessage
            {
                MessageId = m.MessageId,
                ReceiptHandle = m.ReceiptHandle,
                Body = m.Body,
                Attributes = m.Attributes is null ? [] : new Dictionary<string, string>(m.Attributes, StringComparer.Ordinal),
                MessageAttributes = m.MessageAttributes?.ToDictionary(a => a.Key, a => ToEventAttribute(a.Value), StringComparer.Ordinal) ?? [],
                Md5OfBody = m.MD5OfBody,
                Md5OfMessageAttributes = m.MD5OfMessageAttributes,
                EventSource = "aws:sqs",
                EventSourceArn = _queueArn,
                AwsRegion = _region,
            })],
        };
    }

    private static SqsMessageAttribute ToEventAttribute(MessageAttributeValue value) => new()
    {
        DataType = value.DataType,
        StringValue = value.StringValue,
        BinaryValue = value.BinaryValue?.ToArray(),
    };

    private async Task<(IReadOnlyList<string> Deleted, IReadOnlyList<string> Failures)> DeleteAsync(List<Message> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return ([], []);
        }

        // Entry ids only have to be unique within the call: positions map the answer straight back to the messages.
        var response = await _sqs.DeleteMessageBatchAsync(
            new DeleteMessageBatchRequest
            {
                QueueUrl = _queueUrl,
                Entries = [.. messages.Select((m, i) => new DeleteMessageBatchRequestEntry { Id = "m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), ReceiptHandle = m.ReceiptHandle })],
            },
            cancellationToken).ConfigureAwait(false);
        var deleted = response.Successful.Select(s => messages[int.Parse(s.Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)].MessageId).ToList();
        var failures = response.Failed.Select(f => $"{f.Id}: {f.Code} {f.Message}").ToList();
        return (deleted, failures);
    }
}
