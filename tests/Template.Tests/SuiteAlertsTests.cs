using System.Text.Json;
using Template.Tests.Support;

namespace Template.Tests;

/// <summary>
/// The suite's alert topic: only this stack's CloudWatch alarms may publish to it as a service (DnsMirror publishes
/// with its own role's grant), the three alarms the issue names watch the right metric and publish both ALARM and
/// OK, and DnsMirror may publish to that topic and no other.
/// </summary>
public class SuiteAlertsTests
{
    private const string OwnDestination = "arn:aws:sqs:eu-west-1:111122223333:fanout-failures";
    private static readonly SamTemplate s_template = SamTemplate.Repository;

    public static TheoryData<string> Alarms() => ["DnsMirrorErrorsAlarm", "FanoutFailureQueueAlarm", "SesComplaintRateAlarm"];

    [Fact]
    public void SuiteAlertTopicPolicy_LetsOnlyThisStacksAlarmsPublish()
    {
        var evaluator = new IntrinsicEvaluator(s_template, new Dictionary<string, string> { ["NamePrefix"] = "prod", ["AWS::Partition"] = "aws", ["AWS::Region"] = "eu-west-1", ["AWS::AccountId"] = "111122223333" });
        var policy = s_template.Resource("SuiteAlertTopicPolicy").GetProperty("Properties");

        var statement = Assert.Single(policy.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray());

        Assert.Equal(["SuiteAlertTopic"], policy.GetProperty("Topics").EnumerateArray().Select(t => t.GetProperty("Ref").GetString()));
        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
        Assert.Equal("cloudwatch.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("sns:Publish", statement.GetProperty("Action").GetString());
        Assert.Equal("SuiteAlertTopic", statement.GetProperty("Resource").GetProperty("Ref").GetString());
        var condition = statement.GetProperty("Condition");
        Assert.Equal("AWS::AccountId", condition.GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetProperty("Ref").GetString());
        Assert.Equal("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:prod-*", evaluator.String(condition.GetProperty("ArnLike").GetProperty("aws:SourceArn")));
        // CloudWatch cannot publish to a topic under the AWS managed SNS key, so the topic is not given one.
        Assert.False(s_template.Resource("SuiteAlertTopic").GetProperty("Properties").TryGetProperty("KmsMasterKeyId", out _));
    }

    [Theory]
    [MemberData(nameof(Alarms))]
    public void Alarm_NamedUnderThePrefixPublishesAlarmAndOkToTheSuiteAlertTopic(string alarm)
    {
        var evaluator = new IntrinsicEvaluator(s_template, new Dictionary<string, string> { ["NamePrefix"] = "prod" });

        var properties = s_template.Resource(alarm).GetProperty("Properties");

        Assert.StartsWith("prod-", evaluator.String(properties.GetProperty("AlarmName")), StringComparison.Ordinal);
        Assert.Equal(["SuiteAlertTopic"], properties.GetProperty("AlarmActions").EnumerateArray().Select(a => a.GetProperty("Ref").GetString()));
        Assert.Equal(["SuiteAlertTopic"], properties.GetProperty("OKActions").EnumerateArray().Select(a => a.GetProperty("Ref").GetString()));
        // No data (no invocations, nothing sent) is no trouble: a quiet stack must not sit in ALARM.
        Assert.Equal("notBreaching", properties.GetProperty("TreatMissingData").GetString());
    }

    [Fact]
    public void DnsMirrorErrorsAlarm_FiresOnTheFirstFailedInvocation()
    {
        var properties = s_template.Resource("DnsMirrorErrorsAlarm").GetProperty("Properties");

        var dimension = Assert.Single(properties.GetProperty("Dimensions").EnumerateArray());

        Assert.Equal(("AWS/Lambda", "Errors", "Sum"), (properties.GetProperty("Namespace").GetString(), properties.GetProperty("MetricName").GetString(), properties.GetProperty("Statistic").GetString()));
        Assert.Equal(("FunctionName", "DnsMirror"), (dimension.GetProperty("Name").GetString(), dimension.GetProperty("Value").GetProperty("Ref").GetString()));
        Assert.Equal(("GreaterThanOrEqualToThreshold", 1.0), (properties.GetProperty("ComparisonOperator").GetString(), properties.GetProperty("Threshold").GetDouble()));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(OwnDestination, false)]
    public void FanoutFailureQueueAlarm_WatchesTheStacksOnFailureQueueWhenItIsTheDestination(string destination, bool created)
    {
        var evaluator = new IntrinsicEvaluator(s_template, new Dictionary<string, string> { ["FanoutOnFailureDestinationArn"] = destination });
        var alarm = s_template.Resource("FanoutFailureQueueAlarm");

        var properties = alarm.GetProperty("Properties");

        Assert.Equal(created, evaluator.Condition(alarm.GetProperty("Condition").GetString()!));
        Assert.Equal(("AWS/SQS", "ApproximateNumberOfMessagesVisible"), (properties.GetProperty("Namespace").GetString(), properties.GetProperty("MetricName").GetString()));
        var dimension = Assert.Single(properties.GetProperty("Dimensions").EnumerateArray());
        Assert.Equal("QueueName", dimension.GetProperty("Name").GetString());
        Assert.Equal(["FanoutFailureQueue", "QueueName"], dimension.GetProperty("Value").GetProperty("Fn::GetAtt").EnumerateArray().Select(v => v.GetString()));
        // The same queue the stream mappings send given-up batches to when no destination parameter is set.
        var mappingDestination = s_template.Resource("FanoutKinesisMapping").GetProperty("Properties").GetProperty("DestinationConfig").GetProperty("OnFailure").GetProperty("Destination").GetProperty("Fn::If");
        Assert.Equal("FanoutFailureQueue", mappingDestination[2].GetProperty("Fn::GetAtt")[0].GetString());
        Assert.Equal(("GreaterThanThreshold", 0.0), (properties.GetProperty("ComparisonOperator").GetString(), properties.GetProperty("Threshold").GetDouble()));
    }

    [Fact]
    public void SesComplaintRateAlarm_FiresAtTheRateAwsAsksSendersToStayUnder()
    {
        var properties = s_template.Resource("SesComplaintRateAlarm").GetProperty("Properties");

        var threshold = properties.GetProperty("Threshold").GetDouble();

        Assert.Equal(("AWS/SES", "Reputation.ComplaintRate"), (properties.GetProperty("Namespace").GetString(), properties.GetProperty("MetricName").GetString()));
        // The metric is a fraction (0.001 is 0.1 %); the account-wide rate has no dimensions.
        Assert.Equal(0.001, threshold);
        Assert.Equal("GreaterThanOrEqualToThreshold", properties.GetProperty("ComparisonOperator").GetString());
        Assert.False(properties.TryGetProperty("Dimensions", out _));
    }

    [Fact]
    public void DnsMirror_PublishesToTheSuiteAlertTopicOnly()
    {
        var variable = s_template.EnvironmentOf("DnsMirror")["SUITE_ALERT_TOPIC_ARN"];

        var publish = Assert.Single(s_template.StatementsOf("DnsMirror"), s => s.Actions.Contains("sns:Publish"));

        Assert.Equal("SuiteAlertTopic", variable.GetProperty("Ref").GetString());
        Assert.True(publish.IsCode);
        Assert.Equal(["sns:Publish"], publish.Actions);
        Assert.Null(publish.Condition);
        Assert.Equal(["SuiteAlertTopic"], publish.Resource.EnumerateArray().Select(r => r.GetProperty("Ref").GetString()));
        Assert.Equal(JsonValueKind.Object, s_template.Resource("SuiteAlertTopic").ValueKind);
    }
}
