using System.Text;
using System.Text.Json;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Iot;

namespace Harness.Tests.Iot;

/// <summary>The local rule engine's reading of the repository's own serverless.template rules, and what they make of messages.</summary>
public sealed class TemplateTopicRulesTests
{
    private static readonly DateTimeOffset s_at = DateTimeOffset.FromUnixTimeMilliseconds(1_796_000_000_123);

    private static IReadOnlyList<TemplateTopicRule> TemplateRules(string prefix = "devices") =>
        TemplateTopicRules.Read(
            File.ReadAllText(RepositoryLayout.Discover().FullPath("serverless.template")),
            new Dictionary<string, string> { ["IotTopicPrefix"] = prefix });

    private static TemplateTopicRule Rule(string logicalId, string prefix = "devices") => TemplateRules(prefix).Single(r => r.LogicalId == logicalId);

    [Fact]
    public void Read_RepositoryTemplate_BothRulesWithThePrefixSubstitutedAndTheFunctionNamed()
    {
        var rules = TemplateRules("fleet7");

        Assert.Equal(["IotActivationRule", "IotRegistrationRule"], rules.Select(r => r.LogicalId).Order(StringComparer.Ordinal));
        Assert.Equal("fleet7/+/register", rules.Single(r => r.LogicalId == "IotRegistrationRule").Sql.From);
        Assert.Equal("fleet7/+/activate", rules.Single(r => r.LogicalId == "IotActivationRule").Sql.From);
        Assert.All(rules, r => Assert.Equal("IotRegistry", r.FunctionLogicalId));
        Assert.All(rules, r => Assert.False(r.Disabled));
    }

    [Fact]
    public void Read_NoParameterGiven_TheTemplatesDefaultPrefix()
    {
        var rules = TemplateTopicRules.Read(File.ReadAllText(RepositoryLayout.Discover().FullPath("serverless.template")));

        Assert.Contains(rules, r => r.Sql.From == "devices/+/register");
    }

    [Fact]
    public void Evaluate_RegistrationRuleOnADevicesTopic_PayloadThenTheRulesFunctionsUnderTheirAliases()
    {
        var rule = Rule("IotRegistrationRule");
        var message = new RuleMessage("devices/SN-1/register", """{"serialNumber":"SN-1","clientId":"thing-1","n":2}"""u8.ToArray(), "thing-1", "ab12", s_at);

        var result = TopicRuleEvaluator.Evaluate(rule.Sql, message);

        Assert.True(result.Matched);
        Assert.Equal(
            """{"serialNumber":"SN-1","clientId":"thing-1","n":2,"mqttClientId":"thing-1","mqttPrincipal":"ab12","mqttTopic":"devices/SN-1/register","mqttTimestamp":1796000000123}""",
            Encoding.UTF8.GetString(result.Event!));
    }

    [Fact]
    public void Evaluate_PayloadCarryingItsOwnMqttClientId_TheRulesValueWinsAndAppearsOnce()
    {
        var rule = Rule("IotRegistrationRule");
        var message = new RuleMessage("devices/SN-1/register", """{"mqttClientId":"forged","serialNumber":"SN-1"}"""u8.ToArray(), "thing-1", null, s_at);

        var result = TopicRuleEvaluator.Evaluate(rule.Sql, message);

        using var output = JsonDocument.Parse(result.Event!);
        Assert.Single(output.RootElement.EnumerateObject(), p => p.Name == "mqttClientId");
        Assert.Equal("thing-1", output.RootElement.GetProperty("mqttClientId").GetString());
        Assert.False(output.RootElement.TryGetProperty("mqttPrincipal", out _));
    }

    [Fact]
    public void Evaluate_ActivationRule_AddsTheOperationLiteral()
    {
        var rule = Rule("IotActivationRule");
        var message = new RuleMessage("devices/SN-1/activate", """{"serialNumber":"SN-1","operation":"register"}"""u8.ToArray(), null, null, s_at);

        var result = TopicRuleEvaluator.Evaluate(rule.Sql, message);

        Assert.Equal("""{"serialNumber":"SN-1","operation":"activate"}""", Encoding.UTF8.GetString(result.Event!));
    }

    [Theory]
    [InlineData("devices/SN-1/register/accepted")]
    [InlineData("devices/register")]
    [InlineData("other/SN-1/register")]
    [InlineData("devices/SN-1/activate")]
    public void Evaluate_TopicOutsideTheRegistrationFilter_NotMatched(string topic)
    {
        var result = TopicRuleEvaluator.Evaluate(Rule("IotRegistrationRule").Sql, new RuleMessage(topic, "{}"u8.ToArray(), null, null, s_at));

        Assert.False(result.Matched);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Evaluate_PayloadNotAJsonObject_FailedWithASentenceNamingTheTopic(string payload)
    {
        var result = TopicRuleEvaluator.Evaluate(Rule("IotRegistrationRule").Sql, new RuleMessage("devices/SN-1/register", Encoding.UTF8.GetBytes(payload), null, null, s_at));

        Assert.True(result.Matched);
        Assert.Null(result.Event);
        Assert.Contains("devices/SN-1/register", result.Problem, StringComparison.Ordinal);
    }
}
