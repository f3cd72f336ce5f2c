namespace ChatRelay.Http;

/// <summary>HipChat v2's error answer: <c>{"error":{"code":401,"message":"…","type":"Unauthorized"}}</c>.</summary>
internal sealed record HipChatErrorBody(HipChatError Error);
