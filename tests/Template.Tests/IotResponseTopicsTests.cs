using System.Text.RegularExpressions;
using IotRegistry;
using IotRegistry.Iot;
using Template.Tests.Support;

namespace Template.Tests;

/// <summary>
/// IotRegistry answers devices on their response topics: the template hands it the rules' own prefix and grants
/// iot:Publish on exactly the answer topics the code builds, and those topics never match a rule (an answer that
/// re-entered the function would loop).
/// </summary>
public class IotResponseTopicsTests
{
    private static readonly SamTemplate s_template = SamTemplate.Repository;

    private static readonly Dictionary<string, string> s_stack = new()
    {
        ["AWS::Partition"] = "aws",
        ["AWS::Region"] = "eu-west-1",
        ["AWS::AccountId"] = "111122223333",
        ["IotTopicPrefix"] = "fleet",
    };

    [Fact]
    public void Environment_PassesTheRulesPrefixAndTheDataEndpointParameters()
    {
        var environment = s_template.EnvironmentOf("IotRegistry");

        Assert.Equal("IotTopicPrefix", environment[IotRegistrySettings.Variables.TopicPrefix].GetProperty("Ref").GetString());
        Assert.Equal("IotDataEndpoint", environment[IotRegistrySettings.Variables.IotDataEndpoint].GetProperty("Ref").GetString());
    }

    [Fact]
    public void ResponseTopicsStatement_GrantsOnlyPublishOnTheRegisterAndActivateAnswerTopics()
    {
        var evaluator = new IntrinsicEvaluator(s_template, s_stack);

        var statement = Assert.Single(s_template.StatementsOf("IotRegistry"), s => s.Actions.Any(a => a.StartsWith("iot:", StringComparison.Ordinal)));

        Assert.Equal("CodeIotResponseTopics", statement.Sid);
        Assert.Equal(["iot:Publish"], statement.Actions);
        Assert.Equal(
            ["arn:aws:iot:eu-west-1:111122223333:topic/fleet/*/register/*", "arn:aws:iot:eu-west-1:111122223333:topic/fleet/*/activate/*"],
            statement.Resource.EnumerateArray().Select(evaluator.String));
    }

    [Theory]
    [InlineData("register", 201)]
    [InlineData("register", 409)]
    [InlineData("activate", 200)]
    [InlineData("activate", 429)]
    public void CodesTopic_IsGrantedAndMatchesNoRule(string operation, int status)
    {
        Assert.True(ResponseTopic.TryBuild("fleet", new IotResult(operation, "x", status, "SN-1", "thing-1"), out var topic));

        var granted = GrantedTopicArns().Any(arn => IamMatches(arn, "arn:aws:iot:eu-west-1:111122223333:topic/" + topic));
        var filters = RuleFilters();

        Assert.True(granted, topic);
        Assert.Equal(2, filters.Count);
        Assert.DoesNotContain(filters, f => MqttMatches(f, topic));
    }

    [Theory]
    [InlineData("fleet/SN-1/register")]
    [InlineData("fleet/SN-1/activate")]
    [InlineData("other/SN-1/register/accepted")]
    [InlineData("fleet/SN-1/shadow/update")]
    public void OtherTopics_AreNotGranted(string topic)
    {
        var granted = GrantedTopicArns().Any(arn => IamMatches(arn, "arn:aws:iot:eu-west-1:111122223333:topic/" + topic));

        Assert.False(granted, topic);
    }

    [Theory]
    [InlineData("devices")]
    [InlineData("fleet_2-a")]
    [InlineData("a/b")]
    [InlineData("devices/+")]
    [InlineData("$aws")]
    public void IotTopicPrefixPattern_AgreesWithWhatTheFunctionAccepts(string prefix)
    {
        var pattern = s_template.Parameters["IotTopicPrefix"].GetProperty("AllowedPattern").GetString()!;

        var templateAccepts = Regex.IsMatch(prefix, pattern);
        var functionAccepts = Record.Exception(() => IotRegistrySettings.Read(Local(IotRegistrySettings.Variables.TopicPrefix, prefix))) is null;

        Assert.Equal(templateAccepts, functionAccepts);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("abcd1234-ats.iot.eu-west-1.amazonaws.com", true)]
    [InlineData("https://abcd1234-ats.iot.eu-west-1.amazonaws.com", false)]
    [InlineData("localhost", false)]
    public void IotDataEndpointPattern_AgreesWithWhatTheFunctionAccepts(string endpoint, bool accepted)
    {
        var pattern = s_template.Parameters["IotDataEndpoint"].GetProperty("AllowedPattern").GetString()!;

        var templateAccepts = Regex.IsMatch(endpoint, pattern);
        var functionAccepts = Record.Exception(() => IotRegistrySettings.Read(Local(IotRegistrySettings.Variables.IotDataEndpoint, endpoint))) is null;

        Assert.Equal((accepted, accepted), (templateAccepts, functionAccepts));
    }

    private static Func<string, string?> Local(string variable, string value) =>
        name => name == variable ? value : name == "AWS_ENDPOINT_URL_DYNAMODB" ? "http://127.0.0.1:8000" : null;

    private static List<string> GrantedTopicArns()
    {
        var evaluator = new IntrinsicEvaluator(s_template, s_stack);
        return s_template.StatementsOf("IotRegistry").Where(s => s.Actions.Contains("iot:Publish"))
            .SelectMany(s => s.Resource.EnumerateArray().Select(evaluator.String)).ToList();
    }

    private static List<string> RuleFilters()
    {
        var evaluator = new IntrinsicEvaluator(s_template, s_stack);
        return s_template.ResourcesOfType("AWS::IoT::TopicRule")
            .Select(r => IotRuleSelect.Filter(evaluator.String(r.Value.GetProperty("Properties").GetProperty("TopicRulePayload").GetProperty("Sql"))))
            .ToList();
    }

    // IAM's resource wildcard: '*' matches any run of characters, '/' included; '?' one character.
    private static bool IamMatches(string pattern, string arn) =>
        Regex.IsMatch(arn, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$");

    // MQTT topic filters: '+' is exactly one level, '#' (last) any number of remaining levels.
    private static bool MqttMatches(string filter, string topic)
    {
        var f = filter.Split('/');
        var t = topic.Split('/');
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return true;
            }

            if (i >= t.Length || (f[i] != "+" && f[i] != t[i]))
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }
}
