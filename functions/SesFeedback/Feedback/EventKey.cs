using System.Security.Cryptography;
using System.Text;

namespace SesFeedback.Feedback;

/// <summary>
/// A content-based identity for an event and recipient, the same whichever way the event arrived (SNS, SQS,
/// EventBridge) and however often. Bounces and complaints: feedbackId + recipient, as SES documents it.
/// Other events: kind + SES message id + recipient + event time (an address can open a message twice).
/// </summary>
internal static class EventKey
{
    public static string For(string kind, string? feedbackId, string? messageId, string recipient, DateTimeOffset at)
    {
        var identity = feedbackId is { Length: > 0 }
            ? $"{kind}\n{feedbackId}\n{recipient}"
            : $"{kind}\n{messageId}\n{recipient}\n{at.ToUnixTimeMilliseconds()}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(identity), hash);
        return Convert.ToBase64String(hash[..15]).Replace('+', '-').Replace('/', '_');
    }
}
