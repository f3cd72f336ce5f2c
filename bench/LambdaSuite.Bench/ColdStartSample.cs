namespace LambdaSuite.Bench;

/// <summary>
/// One process start: time from just before process creation to the runtime's first <c>/next</c> (init, what Lambda
/// reports as Init Duration) and to the response POST (init plus the first invocation), and peak RSS.
/// </summary>
/// <param name="Failure">Why there is no time (exited, init error, invocation error, timeout); null when it answered.</param>
public sealed record ColdStartSample(TimeSpan? ToFirstResponse, long? PeakResidentKib, string? Failure, TimeSpan? ToInitDone = null);
