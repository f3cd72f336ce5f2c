namespace LambdaSuite.Harness.Iot;

/// <summary>One <c>AWS::IoT::TopicRule</c> of the template: its SQL with the parameters substituted, and the function its Lambda action invokes.</summary>
public sealed record TemplateTopicRule(string LogicalId, string SqlText, TopicRuleSql Sql, bool Disabled, string? FunctionLogicalId);
