namespace LambdaSuite.Data.Mailing;

/// <summary>An applied event's key and time; the time decides which keys the bounded ring keeps.</summary>
public readonly record struct SeenEvent(string Key, DateTimeOffset At);
