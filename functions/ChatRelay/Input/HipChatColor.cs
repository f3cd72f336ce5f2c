namespace ChatRelay.Input;

/// <summary>HipChat's notification colours (v2 <c>color</c>); <c>random</c> is resolved to one of the others when read.</summary>
internal enum HipChatColor
{
    Yellow,
    Green,
    Red,
    Purple,
    Gray,
}
