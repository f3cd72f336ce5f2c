namespace LambdaSuite.Bench;

/// <summary>What <c>./suite bench dns</c> was asked for.</summary>
public sealed record DnsBenchSettings(int Seed, int Records, int Rounds, int Warmups, double ChangePercent)
{
    /// <summary>Route 53's pacing the incremental case and the modelled figures use.</summary>
    public DnsBenchPacing Pacing { get; init; } = DnsBenchPacing.Assumed;
}
