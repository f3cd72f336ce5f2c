namespace ChatRelay.Input;

/// <summary>The two HipChat v2 resources the relay serves.</summary>
internal enum HipChatRoute
{
    /// <summary><c>POST /v2/room/{id_or_name}/notification</c>: 204, html or text, colours, notify.</summary>
    Notification,

    /// <summary><c>POST /v2/room/{id_or_name}/message</c>: 201 with id and timestamp, plain text up to 1,000 characters.</summary>
    Message,
}
