using System.Globalization;
using Amazon.DynamoDBv2.Model;
using A = LambdaSuite.Data.ChatRelay.ChatRelayAttributes;
using static LambdaSuite.Data.ItemAttributes;

namespace LambdaSuite.Data.ChatRelay;

/// <summary>Maps <see cref="ChatToken"/> and <see cref="ChatRoom"/> to and from chatRelay items.</summary>
public static class ChatRelayMapper
{
    public static Dictionary<string, AttributeValue> ToItem(ChatToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [A.Pk] = S(A.TokenPrefix + token.Hash),
            [A.Rooms] = new AttributeValue { SS = [.. token.Rooms.Order(StringComparer.Ordinal)] },
            [A.CreatedAt] = N(token.CreatedAt.ToUnixTimeSeconds()),
        };
        PutIfPresent(item, A.Label, token.Label);
        return item;
    }

    public static ChatToken TokenFromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var pk = String(item, A.Pk) ?? throw new FormatException($"item has no '{A.Pk}' attribute");
        var rooms = item.TryGetValue(A.Rooms, out var set) && set.SS is { } values ? values : [];
        return new ChatToken(
            pk.StartsWith(A.TokenPrefix, StringComparison.Ordinal) ? pk[A.TokenPrefix.Length..] : throw new FormatException($"'{pk}' is not a token item"),
            new HashSet<string>(rooms, StringComparer.Ordinal),
            NonEmptyString(item, A.Label),
            DateTimeOffset.FromUnixTimeSeconds(Number(item, A.CreatedAt) ?? 0));
    }

    public static Dictionary<string, AttributeValue> ToItem(ChatRoom room)
    {
        ArgumentNullException.ThrowIfNull(room);
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [A.Pk] = S(A.RoomPrefix + room.Room),
            [A.Channel] = S(room.Channel),
            [A.AllowMention] = new AttributeValue { BOOL = room.AllowMention },
        };
        PutIfPresent(item, A.From, room.From);
        return item;
    }

    public static ChatRoom RoomFromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var pk = String(item, A.Pk) ?? throw new FormatException($"item has no '{A.Pk}' attribute");
        return new ChatRoom(
            pk.StartsWith(A.RoomPrefix, StringComparison.Ordinal) ? pk[A.RoomPrefix.Length..] : throw new FormatException($"'{pk}' is not a room item"),
            NonEmptyString(item, A.Channel) ?? throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"room item '{pk}' has no '{A.Channel}'")),
            item.TryGetValue(A.AllowMention, out var allow) && allow.BOOL == true,
            NonEmptyString(item, A.From));
    }
}
