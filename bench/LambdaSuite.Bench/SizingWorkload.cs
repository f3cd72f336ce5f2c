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

    /// <summary>What is wrong with one invocation's answer for the run to count (an HTTP answer that is not a success), or null.</summary>
    public Func<byte[], string?>? AnswerProblem { get; init; }

    /// <summary>What is wrong with the run as a whole once every event was answered (work that never arrived), or null.</summary>
    public Func<string?>? RunProblem { get; init; }
}
