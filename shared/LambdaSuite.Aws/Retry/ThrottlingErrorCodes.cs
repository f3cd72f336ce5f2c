using System.Collections.Frozen;
using LambdaSuite.Aws.Endpoints;

namespace LambdaSuite.Aws.Retry;

/// <summary>
/// Error codes that mean "slow down" rather than "wrong request". Each service names throttling its own way;
/// an unlisted 4xx code is a client error and is never retried.
/// </summary>
public static class ThrottlingErrorCodes
{
    // The codes every AWS SDK's standard retry mode treats as throttling, whatever the service.
    private static readonly FrozenSet<string> s_common = FrozenSet.ToFrozenSet(
    [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, FrozenSet<string>> s_byService = new Dictionary<string, FrozenSet<string>>
    {
        // SNS answers "Throttled" (ThrottledException) and KMS-side throttling for encrypted topics.
        [AwsService.Sns.SigningName] = Set("Throttled", "KMSThrottling", "KMSThrottlingException"),
        // SQS's JSON protocol names its throttling RequestThrottled; KMS throttling for SSE queues.
        [AwsService.Sqs.SigningName] = Set("KmsThrottled", "KMSThrottledException", "RequestThrottled"),
        [AwsService.Kinesis.SigningName] = Set("KMSThrottlingException"),
        [AwsService.Firehose.SigningName] = Set("ServiceUnavailableException"),
        [AwsService.Lambda.SigningName] = Set("EC2ThrottledException", "KMSThrottlingException"),
        [AwsService.Route53.SigningName] = Set("PriorRequestNotComplete"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Not throttling, but the same request can succeed on a later attempt.
    private static readonly FrozenSet<string> s_transient = FrozenSet.ToFrozenSet(
    [
        "RequestTimeout", "RequestTimeoutException", "InternalFailure", "InternalError", "ServiceUnavailable",
        "IDPCommunicationError",
    ], StringComparer.Ordinal);

    public static bool IsThrottling(string serviceSigningName, string errorCode)
    {
        ArgumentNullException.ThrowIfNull(errorCode);
        return s_common.Contains(errorCode)
            || (s_byService.TryGetValue(serviceSigningName, out var codes) && codes.Contains(errorCode));
    }

    public static bool IsTransient(string errorCode) => s_transient.Contains(errorCode);

    private static FrozenSet<string> Set(params string[] codes) => codes.ToFrozenSet(StringComparer.Ordinal);
}
