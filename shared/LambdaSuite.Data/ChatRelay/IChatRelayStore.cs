namespace LambdaSuite.Data.ChatRelay;

/// <summary>The chatRelay table operations ChatRelay and the CLI's chat commands call: the seam tests replace.</summary>
public interface IChatRelayStore
{
    Task<ChatToken?> GetTokenAsync(string hash, CancellationToken cancellationToken = default);

    Task PutTokenAsync(ChatToken token, CancellationToken cancellationToken = default);

    /// <summary>False when no such token was stored.</summary>
    Task<bool> DeleteTokenAsync(string hash, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ChatToken>> ListTokensAsync(CancellationToken cancellationToken = default);

    Task<ChatRoom?> GetRoomAsync(string room, CancellationToken cancellationToken = default);

    Task PutRoomAsync(ChatRoom room, CancellationToken cancellationToken = default);

    /// <summary>False when the room was not mapped.</summary>
    Task<bool> DeleteRoomAsync(string room, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ChatRoom>> ListRoomsAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes <c>sent#key</c> only if absent (the claim lapses at <paramref name="expiresAt"/> through TTL).</summary>
    Task<ChatSentClaim> TryClaimSentAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Records Slack's <c>ts</c> on a claim this caller holds.</summary>
    Task MarkSentAsync(string key, string slackTs, CancellationToken cancellationToken = default);

    /// <summary>Gives a claim back after a post that certainly did not happen, so a retry may post.</summary>
    Task ReleaseSentAsync(string key, CancellationToken cancellationToken = default);
}
