using Fanout.Delivery;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Runtime;

namespace Fanout.Targets;

/// <summary>
/// For destinations without a batch API (IoT Data publish, Lambda asynchronous invoke): the entries of one call are
/// sent as concurrent single requests, and each request's error becomes that entry's failure.
/// </summary>
internal abstract class PerEntrySender : ITargetSender
{
    public bool IsOrdered => false;

    public async Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var results = await Task.WhenAll(entries.Select(async (entry, position) =>
        {
            try
            {
                await SendOneAsync(entry, deadline, cancellationToken).ConfigureAwait(false);
                return (EntryFailure?)null;
            }
            catch (Exception error) when (error is AwsServiceException or HttpRequestException or IOException or TimeoutException or FormatException)
            {
                var retryable = AwsRetryPolicy.IsRetryable(error, cancellationToken, out var throttled);
                var code = error is AwsServiceException service ? service.ErrorCode : error.GetType().Name;
                return new EntryFailure(position, code, ErrorText.Of(error), retryable, throttled);
            }
        })).ConfigureAwait(false);
        return [.. results.Where(r => r is not null).Select(r => r!.Value)];
    }

    protected abstract Task SendOneAsync(OutgoingMessage entry, DateTimeOffset deadline, CancellationToken cancellationToken);
}
