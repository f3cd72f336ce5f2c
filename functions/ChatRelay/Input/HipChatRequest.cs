namespace ChatRelay.Input;

/// <summary>A HipChat v2 send request after reading: every field checked, defaults applied.</summary>
internal sealed record HipChatRequest(string Message, MessageFormat Format, HipChatColor Color, bool Notify, string? From);
