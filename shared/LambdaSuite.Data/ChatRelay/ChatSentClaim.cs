namespace LambdaSuite.Data.ChatRelay;

/// <summary>The outcome of claiming an idempotency key before posting.</summary>
/// <param name="Claimed">True: this caller holds the key and may post. False: an earlier delivery of the same request holds it.</param>
/// <param name="SlackTs">For a key already held: Slack's <c>ts</c> when that delivery has posted, else null (in flight or outcome unknown).</param>
public readonly record struct ChatSentClaim(bool Claimed, string? SlackTs);
