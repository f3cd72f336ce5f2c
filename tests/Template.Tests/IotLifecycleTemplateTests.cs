using System.Text.Json;
using IotRegistry;
using Template.Tests.Support;

namespace Template.Tests;

/// <summary>
/// IotRegistry's lifecycle routes and fleet-provisioning hook in the template: the administrator routes reach the
/// function directly (so the event carries the IAM caller), and each invoke permission names exactly its caller.
/// </summary>
public class IotLifecycleTemplateTests
{
    private static readonly SamTemplate s_template = SamTemplate.Repository;

    private static readonly Dictionary<string, string> s_stack = new()
    {
        ["AWS::Partition"] = "aws",
        ["AWS::Region"] = "eu-west-1",
        ["AWS::AccountId"] = "111122223333",
        ["NamePrefix"] = "suite",
        ["HttpApi"] = "a1b2c3",
    };

    [Theory]
    [InlineData("HttpApiDevicesTransferRoute", "POST /devices/{serialNumber}/{clientId}/transfer")]
    [InlineData("HttpApiDevicesUnbindRoute", "POST /devices/{serialNumber}/{clientId}/unbind")]
    [InlineData("HttpApiDevicesDeregisterRoute", "POST /devices/{serialNumber}/{clientId}/deregister")]
    [InlineData("HttpApiDevicesHistoryRoute", "GET /devices/{serialNumber}/{clientId}/history")]
    public void AdministratorRoute_IsIamAuthorisedAndGoesStraightToIotRegistry(string route, string routeKey)
    {
        var properties = s_template.Resource(route).GetProperty("Properties");

        Assert.Equal(routeKey, properties.GetProperty("RouteKey").GetString());
        Assert.Equal("AWS_IAM", properties.GetProperty("AuthorizationType").GetString());
        Assert.Equal("integrations/${HttpApiIotRegistryIntegration}", properties.GetProperty("Target").GetProperty("Fn::Sub").GetString());
        Assert.Equal("HttpApiEnabled", s_template.Resource(route).GetProperty("Condition").GetString());
    }

    [Fact]
    public void AdministratorIntegration_IsALambdaProxyOnPayloadTwo()
    {
        var properties = s_template.Resource("HttpApiIotRegistryIntegration").GetProperty("Properties");

        Assert.Equal("AWS_PROXY", properties.GetProperty("IntegrationType").GetString());
        Assert.Equal("2.0", properties.GetProperty("PayloadFormatVersion").GetString());
        Assert.Equal("IotRegistry", properties.GetProperty("IntegrationUri").GetProperty("Fn::GetAtt")[0].GetString());
    }

    [Fact]
    public void HttpApiPermission_LetsOnlyThisApiInvokeOnTheDeviceRoutes()
    {
        var resource = s_template.Resource("IotRegistryHttpApiPermission");
        var properties = resource.GetProperty("Properties");

        Assert.Equal("apigateway.amazonaws.com", properties.GetProperty("Principal").GetString());
        Assert.Equal("HttpApiEnabled", resource.GetProperty("Condition").GetString());
        Assert.Equal("arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/*/*/devices/*/*/*", new IntrinsicEvaluator(s_template, s_stack).String(properties.GetProperty("SourceArn")));
    }

    [Fact]
    public void ProvisioningTemplate_IsOptionalOffByDefaultAndHooksIotRegistry()
    {
        var template = s_template.Resource("IotProvisioningTemplate");
        var hook = template.GetProperty("Properties").GetProperty("PreProvisioningHook");

        Assert.Equal("false", s_template.Parameters["CreateIotProvisioningTemplate"].GetProperty("Default").GetString());
        Assert.Equal("IotProvisioningTemplateEnabled", template.GetProperty("Condition").GetString());
        Assert.Equal("IotRegistry", hook.GetProperty("TargetArn").GetProperty("Fn::GetAtt")[0].GetString());
        Assert.Equal("2020-04-01", hook.GetProperty("PayloadVersion").GetString());
        Assert.Equal("IotRegistryProvisioningHookPermission", template.GetProperty("DependsOn").GetString());
    }

    [Fact]
    public void ProvisioningHookPermission_NamesOnlyTheStacksProvisioningTemplate()
    {
        var evaluator = new IntrinsicEvaluator(s_template, s_stack);
        var permission = s_template.Resource("IotRegistryProvisioningHookPermission");
        var properties = permission.GetProperty("Properties");
        var templateName = evaluator.String(s_template.Resource("IotProvisioningTemplate").GetProperty("Properties").GetProperty("TemplateName"));

        Assert.Equal("iot.amazonaws.com", properties.GetProperty("Principal").GetString());
        Assert.Equal("IotProvisioningTemplateEnabled", permission.GetProperty("Condition").GetString());
        Assert.Equal($"arn:aws:iot:eu-west-1:111122223333:provisioningtemplate/{templateName}", evaluator.String(properties.GetProperty("SourceArn")));
        Assert.Equal("AWS::AccountId", properties.GetProperty("SourceAccount").GetProperty("Ref").GetString());
    }

    [Fact]
    public void ProvisioningTemplateBody_IsJsonWhoseParametersTheHookReads()
    {
        var body = s_template.Resource("IotProvisioningTemplate").GetProperty("Properties").GetProperty("TemplateBody").GetProperty("Fn::Sub").GetString()!;

        using var document = JsonDocument.Parse(body);

        Assert.True(document.RootElement.GetProperty("Parameters").TryGetProperty("SerialNumber", out _));
        Assert.True(document.RootElement.GetProperty("Parameters").TryGetProperty("ClientId", out _));
        Assert.Equal("ACTIVE", document.RootElement.GetProperty("Resources").GetProperty("certificate").GetProperty("Properties").GetProperty("Status").GetString());
    }

    [Fact]
    public void Environment_PassesTheBindingParameter()
    {
        var environment = s_template.EnvironmentOf("IotRegistry");

        Assert.Equal("ProvisioningBindCertificate", environment[IotRegistrySettings.Variables.ProvisioningBindCertificate].GetProperty("Ref").GetString());
    }
}
