namespace LambdaSuite.Bench;

/// <summary>What <see cref="IotBench"/> measured: per-round rates, and the requests each kind of attempt cost.</summary>
public sealed record IotBenchReport(IReadOnlyList<double> RegistrationsPerSecond, IReadOnlyList<double> ActivationsPerSecond, IReadOnlyList<IotBenchRequestCount> Requests);
