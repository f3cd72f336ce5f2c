using System.Text.Json;
using Template.Tests.Support;

namespace Template.Tests;

/// <summary>
/// Nothing asynchronous is dropped silently: every service that invokes a function asynchronously (SNS, EventBridge,
/// IoT rules) has somewhere to put what it could not deliver, and every asynchronously invoked function has an
/// on-failure destination for the invocations that still failed after Lambda's retries. Each queue admits exactly
/// its one sender.
/// </summary>
public class AsyncFailureDestinationTests
{
    private static readonly SamTemplate s_template = SamTemplate.Repository;

    /// <summary>Service principals that invoke a function asynchronously (event invocations).</summary>
    private static readonly HashSet<string> s_asyncInvokers = new(StringComparer.Ordinal) { "sns.amazonaws.com", "events.amazonaws.com", "iot.amazonaws.com" };

    public static TheoryData<string> AsyncInvokedFunctions()
    {
        var data = new TheoryData<string>();
        foreach (var function in AsyncInvoked())
        {
            data.Add(function);
        }

        return data;
    }

    [Fact]
    public void AsyncInvokedFunctions_AreTheFourWithSnsScheduleAndIotTriggers()
    {
        var functions = AsyncInvoked().Order(StringComparer.Ordinal);

        Assert.Equal(["ChatRelay", "DnsMirror", "IotRegistry", "SesFeedback"], functions);
    }

    [Theory]
    [MemberData(nameof(AsyncInvokedFunctions))]
    public void AsyncInvokedFunction_HasAnOnFailureQueueItsRoleMaySendTo(string function)
    {
        // The fleet-provisioning hook is iot.amazonaws.com too, but it invokes synchronously (RegisterThing waits for
        // the answer), so no on-failure destination concerns it.
        var permissions = s_template.ResourcesOfType("AWS::Lambda::Permission")
            .Where(p => s_asyncInvokers.Contains(p.Value.GetProperty("Properties").GetProperty("Principal").GetString()!)
                        && FunctionOf(p.Value.GetProperty("Properties").GetProperty("FunctionName")) == function
                        && !p.Value.GetProperty("Properties").GetProperty("SourceArn").ToString().Contains(":provisioningtemplate/", StringComparison.Ordinal)).ToList();

        var config = Assert.Single(s_template.ResourcesOfType("AWS::Lambda::EventInvokeConfig"), c => FunctionOf(c.Value.GetProperty("Properties").GetProperty("FunctionName")) == function);

        var properties = config.Value.GetProperty("Properties");
        Assert.Equal("$LATEST", properties.GetProperty("Qualifier").GetString());
        var queue = properties.GetProperty("DestinationConfig").GetProperty("OnFailure").GetProperty("Destination").GetProperty("Fn::GetAtt")[0].GetString()!;
        Assert.Equal("AWS::SQS::Queue", s_template.Resource(queue).GetProperty("Type").GetString());
        // The configuration exists whenever an async invoker may call the function (same condition, or always).
        Assert.All(permissions, p => Assert.Equal(ConditionOf(p.Value), ConditionOf(config.Value)));
        Assert.Equal(ConditionOf(config.Value), ConditionOf(s_template.Resource(queue)));
        var grant = Assert.Single(s_template.StatementsOf(function), s => s.Actions.SequenceEqual(["sqs:SendMessage"]) && s.Resource.ToString().Contains($"\"{queue}\"", StringComparison.Ordinal));
        Assert.True(grant.IsEventSource);
        Assert.Equal(ConditionOf(config.Value), grant.Condition);
    }

    [Fact]
    public void SnsLambdaSubscriptions_HaveADeadLetterQueueOnlyTheirTopicMaySendTo()
    {
        var subscriptions = s_template.ResourcesOfType("AWS::SNS::Subscription").Where(s => s.Value.GetProperty("Properties").GetProperty("Protocol").GetString() == "lambda").ToList();

        Assert.NotEmpty(subscriptions);
        Assert.All(subscriptions, s =>
        {
            var properties = s.Value.GetProperty("Properties");
            var queue = properties.GetProperty("RedrivePolicy").GetProperty("deadLetterTargetArn").GetProperty("Fn::GetAtt")[0].GetString()!;
            AssertOnlySender(queue, "sns.amazonaws.com", properties.GetProperty("TopicArn"));
            Assert.Equal(ConditionOf(s.Value), ConditionOf(s_template.Resource(queue)));
        });
    }

    [Fact]
    public void ScheduleTargets_RetryAndHaveADeadLetterQueueOnlyTheirRuleMaySendTo()
    {
        var rules = s_template.ResourcesOfType("AWS::Events::Rule").ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules.SelectMany(r => r.Value.GetProperty("Properties").GetProperty("Targets").EnumerateArray().Select(t => (Rule: r.Key, Target: t))), entry =>
        {
            var retry = entry.Target.GetProperty("RetryPolicy");
            Assert.InRange(retry.GetProperty("MaximumRetryAttempts").GetInt32(), 1, 185);
            Assert.InRange(retry.GetProperty("MaximumEventAgeInSeconds").GetInt32(), 60, 86400);
            var queue = entry.Target.GetProperty("DeadLetterConfig").GetProperty("Arn").GetProperty("Fn::GetAtt")[0].GetString()!;
            using var ruleArn = JsonDocument.Parse($$"""{"Fn::GetAtt":["{{entry.Rule}}","Arn"]}""");
            AssertOnlySender(queue, "events.amazonaws.com", ruleArn.RootElement);
        });
    }

    [Fact]
    public void IotRules_SendWhatTheyCannotDeliverToAnErrorQueue()
    {
        var rules = s_template.ResourcesOfType("AWS::IoT::TopicRule").ToList();

        var queues = rules.Select(r => r.Value.GetProperty("Properties").GetProperty("TopicRulePayload").GetProperty("ErrorAction").GetProperty("Sqs").GetProperty("QueueUrl").GetProperty("Ref").GetString()).Distinct().ToList();

        Assert.Equal(2, rules.Count);
        Assert.Equal(["IotRuleErrorQueue"], queues);
        Assert.Equal("AWS::SQS::Queue", s_template.Resource("IotRuleErrorQueue").GetProperty("Type").GetString());
    }

    private static void AssertOnlySender(string queue, string service, JsonElement sourceArn)
    {
        var policy = Assert.Single(s_template.ResourcesOfType("AWS::SQS::QueuePolicy"), p => p.Value.GetProperty("Properties").GetProperty("Queues")[0].GetProperty("Ref").GetString() == queue);
        var statement = Assert.Single(policy.Value.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray());
        Assert.Equal(("Allow", service, "sqs:SendMessage"), (statement.GetProperty("Effect").GetString(), statement.GetProperty("Principal").GetProperty("Service").GetString(), statement.GetProperty("Action").GetString()));
        Assert.Equal(JsonSerializer.Serialize(sourceArn), JsonSerializer.Serialize(statement.GetProperty("Condition").GetProperty("ArnEquals").GetProperty("aws:SourceArn")));
        Assert.Equal(queue, statement.GetProperty("Resource").GetProperty("Fn::GetAtt")[0].GetString());
        Assert.Equal(ConditionOf(s_template.Resource(queue)), ConditionOf(policy.Value));
    }

    private static IEnumerable<string> AsyncInvoked() =>
        s_template.ResourcesOfType("AWS::Lambda::Permission")
            .Where(p => s_asyncInvokers.Contains(p.Value.GetProperty("Properties").GetProperty("Principal").GetString()!))
            .Select(p => FunctionOf(p.Value.GetProperty("Properties").GetProperty("FunctionName"))).Distinct();

    private static string FunctionOf(JsonElement reference) =>
        reference.TryGetProperty("Ref", out var target) ? target.GetString()! : reference.GetProperty("Fn::GetAtt")[0].GetString()!;

    private static string? ConditionOf(JsonElement resource) => resource.TryGetProperty("Condition", out var condition) ? condition.GetString() : null;
}
