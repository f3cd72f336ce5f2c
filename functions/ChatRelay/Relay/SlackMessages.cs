using System.Text;
using ChatRelay.Input;
using ChatRelay.Slack;
using LambdaSuite.Data.ChatRelay;

namespace ChatRelay.Relay;

/// <summary>What a HipChat request becomes in Slack: the text (HTML converted, or text escaped), the colour as an attachment's bar, the sender as its footer, and the channel mention only where the room allows it.</summary>
internal static class SlackMessages
{
    /// <summary>Slack's documented limit for <c>text</c> is 40,000 characters; escaping can grow 10,000 HipChat characters past it.</summary>
    public const int MaxTextLength = 39_000;

    public const string ChannelMention = "<!channel>";

    public static SlackPostMessage ForHipChat(HipChatRoute route, HipChatRequest request, ChatRoom room, string? tokenLabel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(room);
        var body = request.Format == MessageFormat.Html ? HtmlToMrkdwn.Convert(request.Message) : SlackText.Escape(request.Message.Trim());
        if (body.Length == 0)
        {
            body = "(empty message)";
        }

        var from = request.From ?? room.From ?? tokenLabel;
        var text = new StringBuilder();
        if (request.Notify && room.AllowMention)
        {
            text.Append(ChannelMention).Append(' ');
        }

        if (route == HipChatRoute.Message && from is not null)
        {
            text.Append('*').Append(SlackText.Escape(from)).Append("*: ");
        }

        text.Append(body);
        return new SlackPostMessage
        {
            Channel = room.Channel,
            Text = Truncate(text.ToString()),
            Attachments = route == HipChatRoute.Notification
                ? [new SlackAttachment { Color = HipChatColors.Hex(request.Color), Fallback = from is null ? "HipChat notification" : SlackText.Escape(from), Footer = from is null ? null : SlackText.Escape(from) }]
                : null,
        };
    }

    public static string Truncate(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "…";
}
