namespace SesFeedback.Mailing;

/// <summary>How many transient or undetermined bounces within how long suppress an address.</summary>
public sealed record SoftBouncePolicy(int Limit, TimeSpan Window)
{
    public static SoftBouncePolicy Default { get; } = new(3, TimeSpan.FromDays(7));
}
