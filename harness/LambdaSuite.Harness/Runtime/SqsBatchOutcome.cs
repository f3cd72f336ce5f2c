namespace LambdaSuite.Harness.Runtime;

/// <summary>One poll of <see cref="SqsEventSourceMapping"/>: what was received, what the function reported, what was deleted.</summary>
/// <param name="Received">The message ids handed to the function, in the batch's order.</param>
/// <param name="Reported">The ids left in the queue: the batch item failures, or the whole batch when <see cref="Verdict"/> says so.</param>
/// <param name="Deleted">The ids SQS confirmed deleted.</param>
/// <param name="DeleteFailures">Deletes SQS refused (code and message), which leave those messages in the queue too.</param>
public sealed record SqsBatchOutcome(
    IReadOnlyList<string> Received,
    IReadOnlyList<string> Reported,
    IReadOnlyList<string> Deleted,
    IReadOnlyList<string> DeleteFailures,
    SqsBatchVerdict? Verdict,
    byte[] FunctionAnswer)
{
    public static SqsBatchOutcome Empty { get; } = new([], [], [], [], null, []);
}
