namespace LambdaSuite.Bench;

/// <summary>
/// What the sizing bench feeds one function's bootstrap: the variables it runs with (its own throwaway table), the
/// events of one heavy but legal run, and what to delete afterwards.
/// </summary>
internal sealed record SizingWorkload(
    string Function,
    string Description,
    IReadOnlyDictionary<string, string?> Environment,
    IReadOnlyList<byte[]> Events,
    Func<Task> CleanUp)
{
    /// <summary>The row's name in the sizing table: the function, or function/kind when it has several workloads.</summary>
    public string Label { get; init; } = Function;
}
