using System.Security.Cryptography;
using System.Text;
using LambdaSuite.Data.Fanout;

namespace Fanout.Targets;

/// <summary>MessageGroupId and MessageDeduplicationId for FIFO queues and topics (each at most 128 characters).</summary>
internal static class FifoKeys
{
    public const int MaxLength = 128;

    public static string GroupOf(FanoutTarget target, string partitionKey)
    {
        ArgumentNullException.ThrowIfNull(target);
        var group = target.FifoGroup is null or "partitionKey" ? partitionKey : target.FifoGroup;
        return Fit(group.Length == 0 ? "default" : group);
    }

    public static string? DeduplicationOf(FanoutTarget target, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Deduplication == DeduplicationStrategy.Content ? null : Fit(idempotencyKey);
    }

    // Longer values (DynamoDB key JSON) are replaced by their SHA-256: still deterministic, still per key.
    private static string Fit(string value) =>
        value.Length <= MaxLength && value.All(c => c is > ' ' and <= '~')
            ? value
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
