using LambdaSuite.Harness.Runtime;

namespace LambdaSuite.Harness.Iot;

/// <summary>One message a rule took: the event it built and what the function answered, or why nothing was invoked.</summary>
public sealed record RuleInvocation(string RuleId, string Topic, byte[]? Event, InvocationOutcome? Outcome, string? Problem);
