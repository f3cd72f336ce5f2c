using ChatRelay.Slack;
using LambdaSuite.Data.ChatRelay;

namespace ChatRelay.Relay;

/// <summary>
/// Posts one message to Slack at most once per idempotency key, and owns the one retry loop (STYLE 17): the key is
/// claimed in the table (a conditional put) before the first attempt; Slack's 429 is waited out while its
/// Retry-After still ends before the invocation's deadline; a post that certainly did not happen (429 given up,
/// <c>ok:false</c>, no connection) gives the claim back so a retry may post, while one whose answer was lost keeps
/// it, so that a retry never posts twice.
/// </summary>
internal sealed class SlackRelay(ISlackClient slack, ISlackBotTokenSource botToken, IChatRelayStore store, TimeProvider time)
{
    /// <summary>How long a claim blocks a repeat: Lambda retries and duplicate deliveries come within minutes.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromDays(1);

    /// <summary>Kept free before the deadline for the answer itself (writing the result, returning it).</summary>
    public static readonly TimeSpan DeadlineMargin = TimeSpan.FromMilliseconds(500);

    public const int MaxAttempts = 5;

    /// <summary>Throws <see cref="SlackConfigurationException"/> when the bot token cannot be had (nothing is claimed then).</summary>
    public async Task<RelayResult> SendAsync(SlackPostMessage message, string idempotencyKey, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var token = await botToken.GetAsync(cancellationToken).ConfigureAwait(false);
        var claim = await store.TryClaimSentAsync(idempotencyKey, time.GetUtcNow() + ClaimLifetime, cancellationToken).ConfigureAwait(false);
        if (!claim.Claimed)
        {
            return new RelayResult(RelayOutcome.Duplicate, Ts: claim.SlackTs);
        }

        for (var attempt = 1; ; attempt++)
        {
            var result = await slack.PostMessageAsync(token, message, cancellationToken).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case SlackPostOutcome.Posted:
                    await store.MarkSentAsync(idempotencyKey, result.Ts!, cancellationToken).ConfigureAwait(false);
                    return new RelayResult(RelayOutcome.Posted, Ts: result.Ts);
                case SlackPostOutcome.RateLimited:
                    var wait = result.RetryAfter ?? SlackClient.DefaultRetryAfter;
                    if (attempt < MaxAttempts && time.GetUtcNow() + wait + DeadlineMargin < deadline)
                    {
                        await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    await store.ReleaseSentAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
                    return new RelayResult(RelayOutcome.RateLimited, Error: result.Error, RetryAfter: wait);
                case SlackPostOutcome.Refused:
                    if (result.Error is "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive")
                    {
                        // A rotated secret: read it again on the next request rather than keep a dead token all container long.
                        botToken.Forget();
                    }

                    await store.ReleaseSentAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
                    return new RelayResult(RelayOutcome.Refused, Error: result.Error);
                case SlackPostOutcome.Unavailable:
                    await store.ReleaseSentAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
                    return new RelayResult(RelayOutcome.Unavailable, Error: result.Error);
                default:
                    return new RelayResult(RelayOutcome.Unknown, Error: result.Error);
            }
        }
    }
}
