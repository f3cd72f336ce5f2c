namespace LambdaSuite.Data.ChatRelay;

/// <summary>One HipChat room mapped to a Slack channel.</summary>
/// <param name="Room">The normalised room key (<see cref="ChatRoomKey"/>).</param>
/// <param name="Channel">The Slack channel id (C…, G…).</param>
/// <param name="AllowMention">Whether HipChat's <c>notify</c> becomes <c>&lt;!channel&gt;</c> in this room.</param>
/// <param name="From">The sender label used when a request gives none.</param>
public sealed record ChatRoom(string Room, string Channel, bool AllowMention, string? From);
