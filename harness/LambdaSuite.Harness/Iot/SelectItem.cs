namespace LambdaSuite.Harness.Iot;

/// <summary>One item of a SELECT list: a function or literal and the member name it is written under.</summary>
/// <param name="TopicSegment">For <c>topic(n)</c>, n (1-based); null for <c>topic()</c> and every other function.</param>
/// <param name="Alias">The <c>AS</c> name; null only for <c>*</c> (AWS IoT names an unaliased function after itself, which the template never needs).</param>
public sealed record SelectItem(SelectFunction Function, string? Alias, string? Literal = null, int? TopicSegment = null);
