namespace LambdaSuite.Data.ChatRelay;

/// <summary>One allowlisted HipChat token, known only by its hash (<see cref="ChatTokenHash"/>).</summary>
/// <param name="Hash">Lowercase hex SHA-256 of the token.</param>
/// <param name="Rooms">Normalised room keys (<see cref="ChatRoomKey"/>) the token may post to.</param>
/// <param name="Label">Who holds the token, for people reading listings.</param>
/// <param name="CreatedAt">When it was added.</param>
public sealed record ChatToken(string Hash, IReadOnlySet<string> Rooms, string? Label, DateTimeOffset CreatedAt);
