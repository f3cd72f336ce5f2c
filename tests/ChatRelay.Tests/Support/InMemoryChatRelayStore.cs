using System.Collections.Concurrent;
using LambdaSuite.Data.ChatRelay;

namespace ChatRelay.Tests.Support;

/// <summary>The chatRelay table in memory, with the same claim rule as the DynamoDB store (put only if absent).</summary>
public sealed class InMemoryChatRelayStore : IChatRelayStore
{
    private readonly ConcurrentDictionary<string, ChatToken> _tokens = new();
    private readonly ConcurrentDictionary<string, ChatRoom> _rooms = new();

    public ConcurrentDictionary<string, string?> Sent { get; } = new();

    public Task<ChatToken?> GetTokenAsync(string hash, CancellationToken cancellationToken = default) => Task.FromResult(_tokens.GetValueOrDefault(hash));

    public Task PutTokenAsync(ChatToken token, CancellationToken cancellationToken = default)
    {
        _tokens[token.Hash] = token;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteTokenAsync(string hash, CancellationToken cancellationToken = default) => Task.FromResult(_tokens.TryRemove(hash, out _));

    public Task<IReadOnlyList<ChatToken>> ListTokensAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<ChatToken>>([.. _tokens.Values]);

    public Task<ChatRoom?> GetRoomAsync(string room, CancellationToken cancellationToken = default) => Task.FromResult(_rooms.GetValueOrDefault(room));

    public Task PutRoomAsync(ChatRoom room, CancellationToken cancellationToken = default)
    {
        _rooms[room.Room] = room;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteRoomAsync(string room, CancellationToken cancellationToken = default) => Task.FromResult(_rooms.TryRemove(room, out _));

    public Task<IReadOnlyList<ChatRoom>> ListRoomsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<ChatRoom>>([.. _rooms.Values]);

    public Task<ChatSentClaim> TryClaimSentAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        Task.FromResult(Sent.TryAdd(key, null) ? new ChatSentClaim(true, null) : new ChatSentClaim(false, Sent[key]));

    public Task MarkSentAsync(string key, string slackTs, CancellationToken cancellationToken = default)
    {
        Sent[key] = slackTs;
        return Task.CompletedTask;
    }

    public Task ReleaseSentAsync(string key, CancellationToken cancellationToken = default)
    {
        Sent.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
