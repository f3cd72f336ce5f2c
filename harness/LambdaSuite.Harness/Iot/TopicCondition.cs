namespace LambdaSuite.Harness.Iot;

/// <summary>A WHERE comparison <c>topic(n) = 'value'</c>; a rule's conditions are joined by AND.</summary>
public sealed record TopicCondition(int Segment, string Value);
