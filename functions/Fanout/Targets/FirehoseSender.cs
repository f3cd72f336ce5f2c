using Fanout.Delivery;
using LambdaSuite.Aws.Firehose;

namespace Fanout.Targets;

/// <summary>PutRecordBatch; entries counted in FailedPutCount are retried.</summary>
internal sealed class FirehoseSender(FirehoseClient client, string deliveryStreamName) : ITargetSender
{
    public bool IsOrdered => false;

    public async Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var records = entries.Select(e => new Record { Data = e.Body }).ToArray();
        var response = await client.WithDeadline(deadline).PutRecordBatchAsync(new PutRecordBatchRequest { DeliveryStreamName = deliveryStreamName, Records = records }, cancellationToken).ConfigureAwait(false);
        if (response.FailedPutCount == 0)
        {
            return [];
        }

        var failures = new List<EntryFailure>();
        for (var i = 0; i < response.RequestResponses.Count && i < entries.Count; i++)
        {
            if (response.RequestResponses[i].ErrorCode is { } code)
            {
                failures.Add(new EntryFailure(i, code, response.RequestResponses[i].ErrorMessage ?? "", Retryable: true, Throttled: code == "ServiceUnavailableException"));
            }
        }

        return failures;
    }
}
