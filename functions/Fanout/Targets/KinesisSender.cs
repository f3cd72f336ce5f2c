using Fanout.Delivery;
using LambdaSuite.Aws.Kinesis;

namespace Fanout.Targets;

/// <summary>PutRecords keeping each record's partition key (and explicit hash key); FailedRecordCount entries retried.</summary>
public sealed class KinesisSender(KinesisClient client, string streamName) : ITargetSender
{
    public bool IsOrdered => true;

    public async Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var records = new PutRecordsRequestEntry[entries.Count];
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = new PutRecordsRequestEntry { Data = entries[i].Body, PartitionKey = entries[i].PartitionKey, ExplicitHashKey = entries[i].ExplicitHashKey };
        }

        var response = await client.WithDeadline(deadline).PutRecordsAsync(new PutRecordsRequest { StreamName = streamName, Records = records }, cancellationToken).ConfigureAwait(false);
        if (response.FailedRecordCount == 0)
        {
            return [];
        }

        var failures = new List<EntryFailure>(response.FailedRecordCount);
        for (var i = 0; i < response.Records.Count && i < entries.Count; i++)
        {
            var result = response.Records[i];
            if (result.ErrorCode is { } code)
            {
                // PutRecords rejects entries only for throughput or internal errors: both are worth another try.
                failures.Add(new EntryFailure(i, code, result.ErrorMessage ?? "", Retryable: true, Throttled: code == "ProvisionedThroughputExceededException"));
            }
        }

        return failures;
    }
}
