namespace LambdaSuite.Bench;

/// <summary>Timings of one measured quantity over the rounds, in milliseconds.</summary>
public sealed class DnsBenchFigures(string name)
{
    private readonly List<double> _values = [];

    public string Name { get; } = name;

    public IReadOnlyList<double> Values => _values;

    public void Add(TimeSpan elapsed) => _values.Add(elapsed.TotalMilliseconds);

    public double Median => BenchStatistics.Median(_values) ?? double.NaN;

    public override string ToString() =>
        _values.Count == 0
            ? $"{Name,-34} not measured"
            : System.FormattableString.Invariant($"{Name,-34} median {Median,8:0.0} ms  min {_values.Min(),8:0.0}  max {_values.Max(),8:0.0}");
}
