using System.Text.Json;
using Template.Tests.Support;

namespace Template.Tests;

/// <summary>
/// ChatRelay's part of the template beyond what the per-function checks cover: its role holds exactly its table,
/// its one secret and its failed-event queue; the Slack token lives in a secret the stack creates empty unless one is
/// given; the internal ALB forwards /v2/* to it behind the ALB's own ingress rules; the private DNS name points at
/// that ALB; the HTTP API has its route; the suite's alert topic invokes it.
/// </summary>
public class ChatRelayTemplateTests
{
    private const string GivenSecret = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:chat/slack-bot-token-AbCdEf";
    private static readonly SamTemplate s_template = SamTemplate.Repository;

    private static readonly Dictionary<string, string> s_pseudo = new(StringComparer.Ordinal)
    {
        ["AWS::Partition"] = "aws", ["AWS::Region"] = "eu-west-1", ["AWS::AccountId"] = "111122223333", ["NamePrefix"] = "prod",
    };

    [Theory]
    [InlineData("", "SlackBotTokenSecret")]
    [InlineData(GivenSecret, GivenSecret)]
    public void Role_GrantsOnlyItsTableItsOneSecretAndItsFailedEventQueue(string secretParameter, string secret)
    {
        var evaluator = new IntrinsicEvaluator(s_template, new Dictionary<string, string>(s_pseudo) { ["SlackBotTokenSecretArn"] = secretParameter });

        var grants = s_template.StatementsOf("ChatRelay")
            .Select(s => (s.Sid, Actions: string.Join(",", s.Actions.Order(StringComparer.Ordinal)), Resources: string.Join(",", s.Resource.EnumerateArray().Select(r => Target(evaluator, r)))))
            .OrderBy(g => g.Sid, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            [
                ("CodeChatRelayTable", "dynamodb:DeleteItem,dynamodb:GetItem,dynamodb:PutItem,dynamodb:UpdateItem", "ChatRelayTable.Arn"),
                ("CodeSlackBotTokenSecret", "secretsmanager:GetSecretValue", secret),
                ("EventSourceFailedEvents", "sqs:SendMessage", "ChatRelayFailedEventQueue.Arn"),
            ],
            grants);
        // Listing and scanning the allowlist is the CLI's, with the operator's own credentials, never the function's.
        Assert.DoesNotContain(s_template.StatementsOf("ChatRelay").SelectMany(s => s.Actions), a => a is "dynamodb:Scan" or "dynamodb:Query");
        Assert.False(s_template.Resource("ChatRelay").GetProperty("Properties").TryGetProperty("VpcConfig", out _));
    }

    [Theory]
    [InlineData("", true, "SlackBotTokenSecret")]
    [InlineData(GivenSecret, false, GivenSecret)]
    public void TokenSecretVariable_NamesTheCreatedOrTheGivenSecretNeverAToken(string parameter, bool created, string expected)
    {
        var evaluator = new IntrinsicEvaluator(s_template, new Dictionary<string, string> { ["SlackBotTokenSecretArn"] = parameter });
        var secret = s_template.Resource("SlackBotTokenSecret");

        var variable = evaluator.String(s_template.EnvironmentOf("ChatRelay")["SLACK_BOT_TOKEN_SECRET_ARN"]);

        Assert.Equal(expected, variable);
        Assert.Equal(created, evaluator.Condition(secret.GetProperty("Condition").GetString()!));
        // Created without a value: the token is the user's to put in, and no template or parameter ever holds it.
        var properties = secret.GetProperty("Properties");
        Assert.False(properties.TryGetProperty("SecretString", out _));
        Assert.False(properties.TryGetProperty("GenerateSecretString", out _));
        Assert.Contains("put-secret-value", properties.GetProperty("Description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(s_template.EnvironmentOf("ChatRelay").Values, v => v.ValueKind == JsonValueKind.String && v.GetString()!.StartsWith("xox", StringComparison.Ordinal));
        Assert.Equal(expected, evaluator.String(s_template.Section("Outputs")["ChatRelaySlackBotTokenSecretArn"].GetProperty("Value")));
    }

    [Fact]
    public void Environment_SetsSlacksApiAndTheAlertChannelParameter()
    {
        var environment = s_template.EnvironmentOf("ChatRelay");

        var apiUrl = environment["SLACK_API_URL"].GetString();

        Assert.Equal("https://slack.com/api/", apiUrl);
        Assert.Equal("AlertChannel", environment["ALERT_CHANNEL"].GetProperty("Ref").GetString());
        Assert.Equal("", s_template.Parameters["AlertChannel"].GetProperty("Default").GetString());
    }

    [Fact]
    public void ListenerRule_ForwardsV2ToItsTargetGroupOnTheOneListener()
    {
        var rule = s_template.Resource("ChatRelayListenerRule").GetProperty("Properties");

        var condition = Assert.Single(rule.GetProperty("Conditions").EnumerateArray());

        Assert.Equal("AlbListener", rule.GetProperty("ListenerArn").GetProperty("Ref").GetString());
        Assert.Equal(["/v2/*"], condition.GetProperty("PathPatternConfig").GetProperty("Values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("ChatRelayTargetGroup", rule.GetProperty("Actions")[0].GetProperty("TargetGroupArn").GetProperty("Ref").GetString());
        // One listener (HTTPS with a certificate, HTTP without): a rule on it covers both ways the ALB can listen.
        Assert.Single(s_template.ResourcesOfType("AWS::ElasticLoadBalancingV2::Listener"), l => l.Value.GetProperty("Properties").GetProperty("LoadBalancerArn").GetProperty("Ref").GetString() == "InternalAlb");
        var priorities = s_template.ResourcesOfType("AWS::ElasticLoadBalancingV2::ListenerRule").Select(r => r.Value.GetProperty("Properties").GetProperty("Priority").GetInt32()).ToList();
        Assert.Equal(priorities.Count, priorities.Distinct().Count());
        var group = s_template.Resource("ChatRelayTargetGroup").GetProperty("Properties");
        Assert.Equal("lambda", group.GetProperty("TargetType").GetString());
        Assert.Equal("ChatRelay", group.GetProperty("Targets")[0].GetProperty("Id").GetProperty("Fn::GetAtt")[0].GetString());
    }

    [Fact]
    public void AlbInvokePermission_IsScopedToItsOwnTargetGroupName()
    {
        var evaluator = new IntrinsicEvaluator(s_template, s_pseudo);
        var permission = s_template.Resource("ChatRelayAlbPermission").GetProperty("Properties");

        var sourceArn = evaluator.String(permission.GetProperty("SourceArn"));

        Assert.Equal("elasticloadbalancing.amazonaws.com", permission.GetProperty("Principal").GetString());
        Assert.Equal("arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/prod-chat/*", sourceArn);
        Assert.Equal("prod-chat", evaluator.String(s_template.Resource("ChatRelayTargetGroup").GetProperty("Properties").GetProperty("Name")));
        Assert.Equal("ChatRelayAlbPermission", s_template.Resource("ChatRelayTargetGroup").GetProperty("DependsOn").GetString());
    }

    [Fact]
    public void PrivateName_IsAZoneOfExactlyThatNameInTheVpcWhoseApexAliasesTheInternalAlb()
    {
        var evaluator = new IntrinsicEvaluator(s_template, s_pseudo);
        var zone = s_template.Resource("ChatRelayPrivateZone").GetProperty("Properties");

        var record = s_template.Resource("ChatRelayDnsRecord").GetProperty("Properties");

        Assert.Equal("hipchat.internal", evaluator.String(zone.GetProperty("Name")));
        var vpc = Assert.Single(zone.GetProperty("VPCs").EnumerateArray());
        Assert.Equal(("VpcId", "eu-west-1"), (vpc.GetProperty("VPCId").GetProperty("Ref").GetString(), evaluator.String(vpc.GetProperty("VPCRegion"))));
        Assert.Equal("ChatRelayPrivateZone", record.GetProperty("HostedZoneId").GetProperty("Ref").GetString());
        Assert.Equal(evaluator.String(zone.GetProperty("Name")), evaluator.String(record.GetProperty("Name")));
        Assert.Equal("A", record.GetProperty("Type").GetString());
        var alias = record.GetProperty("AliasTarget");
        Assert.Equal(["InternalAlb", "DNSName"], alias.GetProperty("DNSName").GetProperty("Fn::GetAtt").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["InternalAlb", "CanonicalHostedZoneID"], alias.GetProperty("HostedZoneId").GetProperty("Fn::GetAtt").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("internal", s_template.Resource("InternalAlb").GetProperty("Properties").GetProperty("Scheme").GetString());
    }

    [Theory]
    [InlineData("hipchat.internal", true)]
    [InlineData("hipchat.corp.example", true)]
    [InlineData("internal", false)]
    [InlineData("hipchat.internal.", false)]
    [InlineData("-bad.internal", false)]
    public void DomainNameParameter_AcceptsOnlyNamesOfTwoOrMoreLabels(string value, bool accepted)
    {
        var pattern = s_template.Parameters["ChatRelayDomainName"].GetProperty("AllowedPattern").GetString()!;

        var matches = System.Text.RegularExpressions.Regex.IsMatch(value, pattern);

        // A one-label zone ("internal") would shadow every *.internal name in the VPC, not just ChatRelay's.
        Assert.Equal(accepted, matches);
    }

    [Fact]
    public void HttpApiRoute_PostsV2ThroughTheAlbIntegrationWithIam()
    {
        var route = s_template.Resource("HttpApiChatRelayRoute");

        var properties = route.GetProperty("Properties");

        Assert.Equal("HttpApiEnabled", route.GetProperty("Condition").GetString());
        Assert.Equal("POST /v2/{proxy+}", properties.GetProperty("RouteKey").GetString());
        Assert.Equal("AWS_IAM", properties.GetProperty("AuthorizationType").GetString());
        Assert.Equal("integrations/${HttpApiAlbIntegration}", properties.GetProperty("Target").GetProperty("Fn::Sub").GetString());
    }

    [Fact]
    public void ReachableOnlyThroughTheAlbsIngressRules()
    {
        var ingress = s_template.ResourcesOfType("AWS::EC2::SecurityGroupIngress").ToList();

        var toAlb = ingress.Where(i => i.Value.GetProperty("Properties").GetProperty("GroupId").GetProperty("Fn::GetAtt")[0].GetString() == "AlbSecurityGroup").Select(i => i.Key);

        // No rule of ChatRelay's own: the same CIDR, security group, VPC link and NLB rules that guard the ALB guard /v2/*.
        Assert.Equal(["AlbIngressFromCidr", "AlbIngressFromNlb", "AlbIngressFromSecurityGroup", "AlbIngressFromVpcLink"], toAlb.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(s_template.Resources.Keys, k => k.StartsWith("ChatRelay", StringComparison.Ordinal) && s_template.Resource(k).GetProperty("Type").GetString()!.StartsWith("AWS::EC2::", StringComparison.Ordinal));
        Assert.Equal(["ChatRelayAlbPermission", "ChatRelayAlertPermission"], s_template.ResourcesOfType("AWS::Lambda::Permission").Where(p => p.Key.StartsWith("ChatRelay", StringComparison.Ordinal)).Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AlertTopic_InvokesChatRelayThroughItsOwnSubscriptionAndPermission()
    {
        var subscription = s_template.Resource("ChatRelayAlertSubscription").GetProperty("Properties");

        var permission = s_template.Resource("ChatRelayAlertPermission").GetProperty("Properties");

        Assert.Equal("lambda", subscription.GetProperty("Protocol").GetString());
        Assert.Equal("SuiteAlertTopic", subscription.GetProperty("TopicArn").GetProperty("Ref").GetString());
        Assert.Equal("ChatRelay", subscription.GetProperty("Endpoint").GetProperty("Fn::GetAtt")[0].GetString());
        Assert.Equal("sns.amazonaws.com", permission.GetProperty("Principal").GetString());
        Assert.Equal("SuiteAlertTopic", permission.GetProperty("SourceArn").GetProperty("Ref").GetString());
        Assert.Equal("ChatRelayFailedEventQueue", s_template.Resource("ChatRelayEventInvokeConfig").GetProperty("Properties").GetProperty("DestinationConfig").GetProperty("OnFailure").GetProperty("Destination").GetProperty("Fn::GetAtt")[0].GetString());
    }

    /// <summary>
    /// Sized by <c>./suite bench sizing --function ChatRelay</c> (docs/deploy.md, "Sizing"): peak RSS 40-45 MiB, so the
    /// bench's rule (1.5x in 64 MB steps) asks for 128 MB; its slowest invocation, predicted at 128 MB, is under 1 s, so
    /// the rule's timeout is its 10 s floor. The timeout is longer: Slack's own timeout inside the relay is 10 s, and
    /// the relay, not Lambda, must be the one to decide that Slack's answer was lost (504, the post's claim kept), with
    /// time left for the secret's first read and the claim's writes.
    /// </summary>
    [Fact]
    public void MemoryAndTimeout_AreTheSizingBenchsAndOutlastTheSlackTimeout()
    {
        var memory = s_template.Property("ChatRelay", "MemorySize")!.Value.GetInt32();

        var timeout = TimeSpan.FromSeconds(s_template.Property("ChatRelay", "Timeout")!.Value.GetInt32());
        var slack = global::ChatRelay.ChatRelayFunction.SlackTimeout;

        Assert.Equal(128, memory);
        Assert.Equal(TimeSpan.FromSeconds(15), timeout);
        Assert.True(timeout >= slack + TimeSpan.FromSeconds(5), $"Timeout {timeout} leaves under 5 s beyond Slack's {slack}.");
    }

    /// <summary>A statement's resource as a short name: a GetAtt as <c>Resource.Attribute</c>, anything else evaluated.</summary>
    private static string Target(IntrinsicEvaluator evaluator, JsonElement resource) =>
        resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("Fn::GetAtt", out var getAtt)
            ? getAtt[0].GetString() + "." + getAtt[1].GetString()
            : evaluator.String(resource);
}
