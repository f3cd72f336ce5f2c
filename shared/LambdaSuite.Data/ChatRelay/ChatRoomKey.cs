namespace LambdaSuite.Data.ChatRelay;

/// <summary>
/// The one spelling of a room in the table: the room id or name as it stood in the URL, percent-decoded (the
/// events layer decodes path segments), trimmed and lower-cased (invariant), so <c>API%20Evangelist</c>,
/// <c>api evangelist</c> and <c> Api Evangelist </c> are one room.
/// </summary>
public static class ChatRoomKey
{
    /// <summary>HipChat room names are at most 50 characters; ids are numbers. Longer input is not a room.</summary>
    public const int MaxLength = 100;

    public static string Normalise(string room)
    {
        ArgumentNullException.ThrowIfNull(room);
        return room.Trim().ToLowerInvariant();
    }

    /// <summary>The normalised key, or false when the room is empty, too long or holds control characters.</summary>
    public static bool TryNormalise(string? room, out string key)
    {
        key = room is null ? string.Empty : Normalise(room);
        return key.Length is > 0 and <= MaxLength && !key.Any(char.IsControl);
    }
}
