using System.Text;
using System.Text.Json;
using DnsMirror;
using DnsMirror.Config;
using Template.Tests.Support;

namespace Template.Tests;

/// <summary>
/// The schedule's constant input, as CloudFormation would render it for given parameters, read by the function's
/// own request reader and validated by its own parser with the environment the template gives it: a rule whose
/// input the function cannot take would fail every run after a clean deploy.
/// </summary>
public class DnsMirrorScheduleInputTests
{
    private const string SecretArn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:dns/mirror-key-AbCdEf";

    [Fact]
    public void ScheduleInput_NoTsigSecret_SyncsTheZoneFromTheTemplatesMasters()
    {
        var parameters = new Dictionary<string, string>
        {
            ["DnsMirrorZone"] = "corp.example.",
            ["DnsMirrorHostedZoneId"] = "Z0123456789ABC",
            ["DnsMirrorMasters"] = "10.0.0.53, 10.0.1.53:5353",
        };

        var (request, job) = Render(parameters, secrets: null);

        Assert.Equal(("corp.example.", "Z0123456789ABC"), (request.Domain, request.ZoneId));
        Assert.Null(request.Tsig);
        Assert.Equal(("corp.example.", "Z0123456789ABC", TargetKind.Route53), (job.Zone, job.HostedZoneId, job.Target));
        Assert.Equal(["10.0.0.53:53", "10.0.1.53:5353"], job.Masters.Select(m => m.ToString()));
        Assert.Null(job.MasterKey);
    }

    [Fact]
    public void ScheduleInput_TsigSecretAndKeyName_TransfersWithThatKey()
    {
        var parameters = new Dictionary<string, string>
        {
            ["DnsMirrorZone"] = "corp.example.",
            ["DnsMirrorHostedZoneId"] = "Z0123456789ABC",
            ["DnsMirrorTsigSecretArn"] = SecretArn,
            ["DnsMirrorTsigKeyName"] = "mirror-key.",
            ["DnsMirrorMasters"] = "10.0.0.53",
        };

        var (request, job) = Render(parameters, new Dictionary<string, string> { [SecretArn] = Convert.ToBase64String(new byte[32]) });

        Assert.Equal((SecretArn, "mirror-key."), (request.Tsig?.SecretArn, request.Tsig?.KeyName));
        Assert.Equal("mirror-key.", job.MasterKey?.Name);
        Assert.Equal(["10.0.0.53:53"], job.Masters.Select(m => m.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData(SecretArn)]
    public void AuditScheduleInput_SameZoneAsTheSync_AuditsIt(string secretArn)
    {
        var parameters = new Dictionary<string, string>
        {
            ["DnsMirrorZone"] = "corp.example.",
            ["DnsMirrorHostedZoneId"] = "Z0123456789ABC",
            ["DnsMirrorTsigSecretArn"] = secretArn,
            ["DnsMirrorTsigKeyName"] = "mirror-key.",
            ["DnsMirrorMasters"] = "10.0.0.53",
        };
        var secrets = new Dictionary<string, string> { [SecretArn] = "q/DCgUK4sBwFvc0Ct4XO4UDSmD3/d/d3vJmTLVxfClY=" };

        var (_, sync) = Render(parameters, secrets);
        var (_, audit) = Render(parameters, secrets, "DnsMirrorAuditSchedule");

        Assert.False(sync.Audit);
        Assert.True(audit.Audit);
        Assert.Equal((sync.Zone, sync.HostedZoneId, sync.MasterKey?.Name), (audit.Zone, audit.HostedZoneId, audit.MasterKey?.Name));
    }

    [Fact]
    public void AuditSchedule_OwnExpressionDefaultHourlySameStateAsTheSync()
    {
        var template = SamTemplate.Repository;
        var rule = template.Resource("DnsMirrorAuditSchedule").GetProperty("Properties");

        Assert.Equal("rate(1 hour)", template.Parameters["DnsMirrorAuditScheduleExpression"].GetProperty("Default").GetString());
        Assert.Equal("DnsMirrorAuditScheduleExpression", rule.GetProperty("ScheduleExpression").GetProperty("Ref").GetString());
        Assert.Equal(
            JsonSerializer.Serialize(template.Resource("DnsMirrorSchedule").GetProperty("Properties").GetProperty("State")),
            JsonSerializer.Serialize(rule.GetProperty("State")));
        Assert.Equal("DnsMirrorAuditSchedule", template.Resource("DnsMirrorAuditSchedulePermission").GetProperty("Properties").GetProperty("SourceArn").GetProperty("Fn::GetAtt")[0].GetString());
    }

    private static (ZoneSyncRequest Request, ZoneJob Job) Render(Dictionary<string, string> parameters, IReadOnlyDictionary<string, string>? secrets, string rule = "DnsMirrorSchedule")
    {
        var template = SamTemplate.Repository;
        var evaluator = new IntrinsicEvaluator(template, parameters);
        var target = template.Resource(rule).GetProperty("Properties").GetProperty("Targets")[0];
        var input = evaluator.String(target.GetProperty("Input"));
        var environment = template.EnvironmentOf("DnsMirror").ToDictionary(v => v.Key, v => evaluator.String(v.Value));

        using var _ = JsonDocument.Parse(input);
        var request = DnsMirrorFunction.ReadRequest(Encoding.UTF8.GetBytes(input));
        var job = ZoneJobParser.Parse(request, DnsMirrorSettings.Read(environment.GetValueOrDefault), environment.GetValueOrDefault, secrets);
        return (request, job);
    }
}
