namespace LambdaSuite.Harness.Iot;

/// <summary>What a rule made of a message: not for this rule, the event to invoke the action with, or why it could not.</summary>
public sealed record RuleEvaluation(bool Matched, byte[]? Event, string? Problem)
{
    public static readonly RuleEvaluation NotMatched = new(false, null, null);

    public static RuleEvaluation Output(byte[] eventJson) => new(true, eventJson, null);

    public static RuleEvaluation Failed(string problem) => new(true, null, problem);
}
