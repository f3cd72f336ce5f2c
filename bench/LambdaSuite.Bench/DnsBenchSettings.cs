namespace LambdaSuite.Bench;

/// <summary>What <c>./suite bench dns</c> was asked for.</summary>
public sealed record DnsBenchSettings(int Seed, int Records, int Rounds, int Warmups, double ChangePercent);
