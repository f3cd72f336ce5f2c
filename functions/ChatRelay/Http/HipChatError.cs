namespace ChatRelay.Http;

/// <summary>HipChat v2's error object: the status code again, a sentence, and the status's name as <c>type</c>.</summary>
internal sealed record HipChatError(int Code, string Message, string Type);
