using System.Buffers.Text;
using System.Text;
using Fanout.Delivery;
using LambdaSuite.Aws.Kinesis;

namespace Fanout.Targets;

/// <summary>
/// PutRecords keeping each record's partition key (and explicit hash key); FailedRecordCount entries retried. The
/// body is written straight from the entries, with data the event carried as base64 copied through unchanged.
/// </summary>
internal sealed class KinesisSender(KinesisClient client, string streamName) : ITargetSender
{
    public bool IsOrdered => true;

    /// <summary>The PutRecords body of one call (the bench times this phase alone); dispose it after the call.</summary>
    public static PutRecordsBody WriteBody(string streamName, IReadOnlyList<OutgoingMessage> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var size = 0;
        foreach (var entry in entries)
        {
            var data = entry.QuotedBase64Body.IsEmpty ? Base64.GetMaxEncodedToUtf8Length(entry.Body.Length) + 2 : entry.QuotedBase64Body.Length;
            size += data + Encoding.UTF8.GetMaxByteCount(entry.PartitionKey.Length) + (entry.ExplicitHashKey?.Length ?? 0) + 64;
        }

        var body = new PutRecordsBody(streamName, sizeHint: size);
        foreach (var entry in entries)
        {
            if (entry.QuotedBase64Body.IsEmpty)
            {
                body.Add(entry.Body.Span, entry.PartitionKey, entry.ExplicitHashKey);
            }
            else
            {
                // The event reader checked this very token as canonical base64: copied without a second scan.
                body.AddCheckedBase64(entry.QuotedBase64Body.Span, entry.PartitionKey, entry.ExplicitHashKey);
            }
        }

        return body;
    }

    public async Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var body = WriteBody(streamName, entries);
        var response = await client.WithDeadline(deadline).PutRecordsAsync(body, cancellationToken).ConfigureAwait(false);
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
