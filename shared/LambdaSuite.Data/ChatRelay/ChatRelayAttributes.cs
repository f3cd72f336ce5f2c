namespace LambdaSuite.Data.ChatRelay;

/// <summary>Attribute names and key prefixes of the <c>chatRelay</c> table, in one place.</summary>
public static class ChatRelayAttributes
{
    /// <summary>Partition key: <c>token#&lt;sha256 hex&gt;</c>, <c>room#&lt;room key&gt;</c> or <c>sent#&lt;idempotency key&gt;</c>.</summary>
    public const string Pk = "pk";

    public const string TokenPrefix = "token#";
    public const string RoomPrefix = "room#";
    public const string SentPrefix = "sent#";

    /// <summary>Token item: the normalised room keys it may post to (SS).</summary>
    public const string Rooms = "rooms";

    /// <summary>Token item: a label for people (which application holds the token).</summary>
    public const string Label = "label";

    /// <summary>Token item: when it was added (epoch seconds).</summary>
    public const string CreatedAt = "createdAt";

    /// <summary>Room item: the Slack channel id.</summary>
    public const string Channel = "channel";

    /// <summary>Room item: whether HipChat's <c>notify</c> may become a channel mention.</summary>
    public const string AllowMention = "allowMention";

    /// <summary>Room item: the sender label shown when a request names none.</summary>
    public const string From = "from";

    /// <summary>Sent item: when DynamoDB's TTL removes the claim (epoch seconds).</summary>
    public const string ExpiresAt = "expiresAt";

    /// <summary>Sent item: Slack's <c>ts</c> of the posted message, once posted.</summary>
    public const string SlackTs = "slackTs";
}
