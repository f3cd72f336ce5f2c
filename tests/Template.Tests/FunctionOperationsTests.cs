using Template.Tests.Support;

namespace Template.Tests;

/// <summary>How the functions run and log: log groups the stack owns, DnsMirror one at a time, Fanout in a VPC on request.</summary>
public class FunctionOperationsTests
{
    private static readonly SamTemplate s_template = SamTemplate.Repository;

    public static TheoryData<string> Functions() => FunctionDeclarations.All();

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_LogsToItsOwnLogGroupWithTheRetentionParameter(string function)
    {
        var evaluator = new IntrinsicEvaluator(s_template, new Dictionary<string, string> { ["NamePrefix"] = "prod" });
        var group = s_template.Resource(function + "LogGroup");

        var properties = group.GetProperty("Properties");

        Assert.Equal("AWS::Logs::LogGroup", group.GetProperty("Type").GetString());
        Assert.Equal($"/aws/lambda/prod-{function}", evaluator.String(properties.GetProperty("LogGroupName")));
        Assert.Equal($"prod-{function}", evaluator.String(s_template.Property(function, "FunctionName")!.Value));
        Assert.Equal(function + "LogGroup", s_template.Resource(function).GetProperty("Properties").GetProperty("LoggingConfig").GetProperty("LogGroup").GetProperty("Ref").GetString());
        Assert.Equal("LogRetentionInDays", properties.GetProperty("RetentionInDays").GetProperty("Ref").GetString());
        // Logs hold e-mail addresses and device identifiers: they go with the stack rather than outlive it.
        Assert.Equal(("Delete", "Delete"), (group.GetProperty("DeletionPolicy").GetString(), group.GetProperty("UpdateReplacePolicy").GetString()));
    }

    [Fact]
    public void LogRetentionInDays_Defaults30AndAllowsExactlyWhatCloudWatchAccepts()
    {
        var parameter = s_template.Parameters["LogRetentionInDays"];

        var allowed = parameter.GetProperty("AllowedValues").EnumerateArray().Select(v => v.GetInt32());

        Assert.Equal(30, parameter.GetProperty("Default").GetInt32());
        Assert.Equal([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], allowed);
    }

    [Fact]
    public void DnsMirror_RunsOneAtATime()
    {
        var concurrency = s_template.Property("DnsMirror", "ReservedConcurrentExecutions");

        Assert.Equal(1, concurrency!.Value.GetInt32());
    }

    [Theory]
    [InlineData("", "", "DISABLED")]
    [InlineData("corp.example.", "", "DISABLED")]
    [InlineData("", "10.0.0.53", "DISABLED")]
    [InlineData("corp.example.", "10.0.0.53", "ENABLED")]
    public void DnsMirrorSchedule_IsEnabledOnlyWithAZoneAndMasters(string zone, string masters, string state)
    {
        var evaluator = new IntrinsicEvaluator(s_template, new Dictionary<string, string> { ["DnsMirrorZone"] = zone, ["DnsMirrorMasters"] = masters });

        var actual = evaluator.String(s_template.Resource("DnsMirrorSchedule").GetProperty("Properties").GetProperty("State"));

        Assert.Equal(state, actual);
        Assert.Equal("", s_template.Parameters["DnsMirrorZone"].GetProperty("Default").GetString());
        Assert.Equal("", s_template.Parameters["DnsMirrorMasters"].GetProperty("Default").GetString());
    }

    [Theory]
    [InlineData("", "", true, false)]
    [InlineData("subnet-0a1b2c3d4e5f60718,subnet-0f1e2d3c4b5a69788", "sg-0b1c2d3e4f5a60718", true, true)]
    [InlineData("subnet-0a1b2c3d4e5f60718", "", false, false)]
    [InlineData("", "sg-0b1c2d3e4f5a60718", false, false)]
    public void FanoutVpc_SubnetsAndSecurityGroupsComeTogether(string subnets, string groups, bool accepted, bool inVpc)
    {
        var evaluator = new IntrinsicEvaluator(s_template, new Dictionary<string, string> { ["FanoutSubnetIds"] = subnets, ["FanoutSecurityGroupIds"] = groups });

        var assertion = s_template.Section("Rules")["FanoutVpcSubnetsAndSecurityGroupsTogether"].GetProperty("Assertions")[0].GetProperty("Assert");

        Assert.Equal(accepted, evaluator.Assertion(assertion));
        Assert.Equal(inVpc, evaluator.Condition("FanoutInVpc"));
        var vpcConfig = s_template.Resource("Fanout").GetProperty("Properties").GetProperty("VpcConfig").GetProperty("Fn::If");
        Assert.Equal("FanoutInVpc", vpcConfig[0].GetString());
        Assert.Equal("AWS::NoValue", vpcConfig[2].GetProperty("Ref").GetString());
    }
}
