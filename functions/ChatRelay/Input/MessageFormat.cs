namespace ChatRelay.Input;

/// <summary>HipChat's <c>message_format</c>: html (the notification default) or text.</summary>
internal enum MessageFormat
{
    Html,
    Text,
}
