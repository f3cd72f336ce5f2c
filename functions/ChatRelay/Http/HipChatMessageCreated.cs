namespace ChatRelay.Http;

/// <summary>HipChat v2's 201 answer to <c>/message</c>: the message's id (a UUID) and when it was sent.</summary>
internal sealed record HipChatMessageCreated(string Id, string Timestamp);
