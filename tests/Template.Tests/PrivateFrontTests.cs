using System.Text.Json;
using Template.Tests.Support;

namespace Template.Tests;

public class PrivateFrontTests
{
    private static readonly SamTemplate s_template = SamTemplate.Repository;

    [Fact]
    public void LoadBalancers_AreAllInternal()
    {
        var balancers = s_template.ResourcesOfType("AWS::ElasticLoadBalancingV2::LoadBalancer").ToList();

        var schemes = balancers.Select(b => b.Value.GetProperty("Properties").GetProperty("Scheme").GetString()).Distinct();

        Assert.Equal(2, balancers.Count);
        Assert.Equal(["internal"], schemes);
    }

    [Theory]
    [InlineData("devices", "IotRegistry")]
    [InlineData("mailing", "SesFeedback")]
    public void ListenerRule_RoutesPathToItsFunctionsTargetGroup(string path, string function)
    {
        var rule = s_template.Resource(function + "ListenerRule").GetProperty("Properties");

        var patterns = rule.GetProperty("Conditions")[0].GetProperty("PathPatternConfig").GetProperty("Values").EnumerateArray().Select(v => v.GetString());

        Assert.Contains($"/{path}/*", patterns);
        Assert.Equal(function + "TargetGroup", rule.GetProperty("Actions")[0].GetProperty("TargetGroupArn").GetProperty("Ref").GetString());
        var targetGroup = s_template.Resource(function + "TargetGroup").GetProperty("Properties");
        Assert.Equal("lambda", targetGroup.GetProperty("TargetType").GetString());
        Assert.Equal(function, targetGroup.GetProperty("Targets")[0].GetProperty("Id").GetProperty("Fn::GetAtt")[0].GetString());
    }

    [Theory]
    [InlineData("IotRegistry")]
    [InlineData("SesFeedback")]
    public void InvokePermission_IsScopedToItsOwnTargetGroupName(string function)
    {
        var permission = s_template.Resource(function + "AlbPermission").GetProperty("Properties");
        var targetGroupName = s_template.Resource(function + "TargetGroup").GetProperty("Properties").GetProperty("Name").GetProperty("Fn::Sub").GetString();

        var sourceArn = permission.GetProperty("SourceArn").GetProperty("Fn::Sub").GetString();

        Assert.Equal("elasticloadbalancing.amazonaws.com", permission.GetProperty("Principal").GetString());
        Assert.EndsWith($":targetgroup/{targetGroupName}/*", sourceArn, StringComparison.Ordinal);
        Assert.Equal(function + "AlbPermission", s_template.Resource(function + "TargetGroup").GetProperty("DependsOn").GetString());
    }

    [Fact]
    public void AlbSecurityGroup_AdmitsOnlyConditionalSources()
    {
        var ingress = s_template.ResourcesOfType("AWS::EC2::SecurityGroupIngress")
            .Where(i => i.Value.GetProperty("Properties").GetProperty("GroupId").GetProperty("Fn::GetAtt")[0].GetString() == "AlbSecurityGroup").ToList();

        var unconditional = ingress.Where(i => !i.Value.TryGetProperty("Condition", out _)).Select(i => i.Key);

        Assert.Equal(4, ingress.Count);
        Assert.Empty(unconditional);
        Assert.False(s_template.Resource("AlbSecurityGroup").GetProperty("Properties").TryGetProperty("SecurityGroupIngress", out _));
    }

    [Fact]
    public void Listener_IsHttpsExactlyWhenACertificateIsGiven()
    {
        var listener = s_template.Resource("AlbListener").GetProperty("Properties");

        var protocol = listener.GetProperty("Protocol").GetProperty("Fn::If");

        Assert.Equal(["HasCertificate", "HTTPS", "HTTP"], protocol.EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("HasCertificate", listener.GetProperty("Certificates").GetProperty("Fn::If")[0].GetString());
    }

    [Fact]
    public void HttpApiIntegration_UsesTlsExactlyWhenTheAlbListensWithHttps()
    {
        var integration = s_template.Resource("HttpApiAlbIntegration").GetProperty("Properties");

        // Without TlsConfig API Gateway speaks plain HTTP over the VPC link, which an HTTPS-only listener refuses.
        var tls = integration.GetProperty("TlsConfig").GetProperty("Fn::If");

        Assert.Equal("HasCertificate", tls[0].GetString());
        var serverName = tls[1].GetProperty("ServerNameToVerify").GetProperty("Fn::If");
        Assert.Equal("HasAlbServerName", serverName[0].GetString());
        Assert.Equal("AlbServerName", serverName[1].GetProperty("Ref").GetString());
        Assert.Equal("AWS::NoValue", tls[2].GetProperty("Ref").GetString());
    }

    [Fact]
    public void OptionalFronts_AreConditionalAndTheHttpApiRequiresIam()
    {
        var optional = s_template.Resources.Where(r => r.Value.GetProperty("Type").GetString()!.StartsWith("AWS::ApiGatewayV2::", StringComparison.Ordinal) || r.Key.StartsWith("StaticIp", StringComparison.Ordinal)).ToList();

        var conditions = optional.Select(r => r.Value.GetProperty("Condition").GetString()).Distinct().Order();

        Assert.Equal(["HttpApiEnabled", "StaticIpFrontEnabled"], conditions);
        Assert.All(s_template.ResourcesOfType("AWS::ApiGatewayV2::Route"), r => Assert.Equal("AWS_IAM", r.Value.GetProperty("Properties").GetProperty("AuthorizationType").GetString()));
        Assert.Equal("alb", s_template.Resource("StaticIpAlbTargetGroup").GetProperty("Properties").GetProperty("TargetType").GetString());
        Assert.Equal("VPC_LINK", s_template.Resource("HttpApiAlbIntegration").GetProperty("Properties").GetProperty("ConnectionType").GetString());
    }

    [Theory]
    [InlineData("FanoutKinesisMapping")]
    [InlineData("FanoutDynamoDbStreamMapping")]
    public void FanoutStreamMapping_ReportsItemFailuresBisectsAndHasAnOnFailureDestination(string mapping)
    {
        var properties = s_template.Resource(mapping).GetProperty("Properties");

        var responseTypes = properties.GetProperty("FunctionResponseTypes").EnumerateArray().Select(t => t.GetString());

        Assert.Equal(["ReportBatchItemFailures"], responseTypes);
        Assert.True(properties.GetProperty("BisectBatchOnFunctionError").GetBoolean());
        Assert.Equal("FanoutMaximumRetryAttempts", properties.GetProperty("MaximumRetryAttempts").GetProperty("Ref").GetString());
        Assert.Equal("FanoutMaximumRecordAgeInSeconds", properties.GetProperty("MaximumRecordAgeInSeconds").GetProperty("Ref").GetString());
        Assert.Equal(JsonValueKind.Object, properties.GetProperty("DestinationConfig").GetProperty("OnFailure").GetProperty("Destination").ValueKind);
    }

    [Theory]
    [InlineData("arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9")]
    [InlineData("")]
    public void StaticIpTargetGroup_HealthCheck_AsksTheAlbsHealthRouteTheWayTheListenerSpeaks(string certificate)
    {
        var evaluator = new IntrinsicEvaluator(s_template, new Dictionary<string, string> { ["CertificateArn"] = certificate });
        var listener = s_template.Resource("AlbListener").GetProperty("Properties");

        var group = s_template.Resource("StaticIpAlbTargetGroup").GetProperty("Properties");

        // An HTTP check against an HTTPS-only listener (or the default "/" meeting the 404 default action) fails.
        Assert.Equal(evaluator.String(listener.GetProperty("Protocol")), evaluator.String(group.GetProperty("HealthCheckProtocol")));
        Assert.Equal(evaluator.String(listener.GetProperty("Port")), evaluator.String(group.GetProperty("Port")));
        Assert.Equal("traffic-port", group.GetProperty("HealthCheckPort").GetString());
        Assert.Equal("/health", group.GetProperty("HealthCheckPath").GetString());
        Assert.Equal("200", group.GetProperty("Matcher").GetProperty("HttpCode").GetString());
    }

    [Fact]
    public void HealthRule_ForwardsGetHealthToIotRegistryBeforeEveryOtherRule()
    {
        var rule = s_template.Resource("IotRegistryHealthListenerRule").GetProperty("Properties");

        var conditions = rule.GetProperty("Conditions").EnumerateArray().ToDictionary(c => c.GetProperty("Field").GetString()!, c => c);

        Assert.Equal(["/health"], conditions["path-pattern"].GetProperty("PathPatternConfig").GetProperty("Values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["GET", "HEAD"], conditions["http-request-method"].GetProperty("HttpRequestMethodConfig").GetProperty("Values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("IotRegistryTargetGroup", rule.GetProperty("Actions")[0].GetProperty("TargetGroupArn").GetProperty("Ref").GetString());
        var priorities = s_template.ResourcesOfType("AWS::ElasticLoadBalancingV2::ListenerRule").Where(r => r.Key != "IotRegistryHealthListenerRule")
            .Select(r => r.Value.GetProperty("Properties").GetProperty("Priority").GetInt32());
        Assert.All(priorities, p => Assert.True(rule.GetProperty("Priority").GetInt32() < p));
    }
}
