namespace ChatRelay.Input;

/// <summary>HipChat colour names and the Slack attachment colour (hex) each becomes.</summary>
internal static class HipChatColors
{
    private static readonly HipChatColor[] s_concrete = [HipChatColor.Yellow, HipChatColor.Green, HipChatColor.Red, HipChatColor.Purple, HipChatColor.Gray];

    /// <summary>The colour <paramref name="name"/> names (case-insensitive); <c>random</c> picks one with <paramref name="pick"/>.</summary>
    public static bool TryParse(string name, Func<int, int> pick, out HipChatColor color)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(pick);
        switch (name.Trim().ToLowerInvariant())
        {
            case "yellow": color = HipChatColor.Yellow; return true;
            case "green": color = HipChatColor.Green; return true;
            case "red": color = HipChatColor.Red; return true;
            case "purple": color = HipChatColor.Purple; return true;
            case "gray" or "grey": color = HipChatColor.Gray; return true;
            case "random": color = s_concrete[pick(s_concrete.Length)]; return true;
            default: color = HipChatColor.Yellow; return false;
        }
    }

    /// <summary>Slack's attachment colour: close to HipChat's own backgrounds, readable as a bar beside the message.</summary>
    public static string Hex(HipChatColor color) => color switch
    {
        HipChatColor.Yellow => "#f5c400",
        HipChatColor.Green => "#2eb67d",
        HipChatColor.Red => "#e01e5a",
        HipChatColor.Purple => "#8e44ad",
        HipChatColor.Gray => "#9e9e9e",
        _ => throw new ArgumentOutOfRangeException(nameof(color), color, "Unknown HipChat colour."),
    };
}
