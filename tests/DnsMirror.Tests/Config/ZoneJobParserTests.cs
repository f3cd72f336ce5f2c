using DnsMirror.Config;

namespace DnsMirror.Tests.Config;

public sealed class ZoneJobParserTests
{
    private static readonly DnsMirrorSettings s_settings = new() { DefaultMasters = "192.0.2.53:5300" };

    [Fact]
    public void Parse_Route53WithEnvSecret_ResolvesKeyAndDefaults()
    {
        var request = new ZoneSyncRequest
        {
            Domain = "Example.TEST",
            ZoneId = "/hostedzone/Z1",
            Tsig = new TsigReference { KeyName = "xfr-key", SecretEnv = "DNS_MIRROR_TSIG_XFR" },
        };

        var job = ZoneJobParser.Parse(request, s_settings, name => name == "DNS_MIRROR_TSIG_XFR" ? "q/DCgUK4sBwFvc0Ct4XO4UDSmD3/d/d3vJmTLVxfClY=" : null);

        Assert.Equal("example.test.", job.Zone);
        Assert.Equal(TargetKind.Route53, job.Target);
        Assert.Equal("xfr-key.", job.MasterKey!.Name);
        Assert.Equal("hmac-sha256.", job.MasterKey.Algorithm);
        Assert.Equal("192.0.2.53:5300", job.Masters.Single().ToString());
        Assert.Equal(20, job.Options.Plan.MaxDeletePercent);
    }

    [Fact]
    public void Parse_Rfc2136Target_TakesServerAndItsOwnKey()
    {
        var request = new ZoneSyncRequest
        {
            Domain = "example.test.",
            Masters = ["192.0.2.1", "192.0.2.2:5353"],
            IgnoreTTL = true,
            DryRun = true,
            MaxDeletePercent = 5,
            Target = new TargetReference { Kind = "RFC2136", Server = "192.0.2.9:53", Tsig = new TsigReference { KeyName = "upd", Algorithm = "hmac-sha512", SecretEnv = "DNS_MIRROR_TSIG_UPD" } },
        };

        var job = ZoneJobParser.Parse(request, s_settings, name => name == "DNS_MIRROR_TSIG_UPD" ? "AAAAAAAAAAAAAAAAAAAAAA==" : null);

        Assert.Equal(TargetKind.Rfc2136, job.Target);
        Assert.Equal(["192.0.2.1:53", "192.0.2.2:5353"], job.Masters.Select(m => m.ToString()));
        Assert.Null(job.MasterKey);
        Assert.Equal("hmac-sha512.", job.Rfc2136Key!.Algorithm);
        Assert.True(job.Options.Diff.IgnoreTtl);
        Assert.True(job.Options.DryRun);
        Assert.Equal(5, job.Options.Plan.MaxDeletePercent);
    }

    [Theory]
    [InlineData("""{"ZoneId":"Z1"}""", "Domain is missing")]
    [InlineData("""{"Domain":"a.test"}""", "ZoneId is missing")]
    [InlineData("""{"Domain":"a.test","Target":{"Kind":"rfc2136"}}""", "Target.Server is missing")]
    [InlineData("""{"Domain":"a.test","Target":{"Kind":"bind"}}""", "is not route53 or rfc2136")]
    [InlineData("""{"Domain":"a.test","ZoneId":"Z1","MaxDeletePercent":101}""", "not between 0 and 100")]
    [InlineData("""{"Domain":"a.test","ZoneId":"Z1","Masters":["host:99999"]}""", "is not host[:port]")]
    [InlineData("""{"Domain":"a.test","ZoneId":"Z1","Tsig":{"KeyName":"k"}}""", "needs SecretEnv")]
    [InlineData("""{"Domain":"a.test","ZoneId":"Z1","Tsig":{"KeyName":"k","SecretEnv":"DNS_MIRROR_TSIG_MISSING"}}""", "DNS_MIRROR_TSIG_MISSING (Tsig.SecretEnv) is not set")]
    [InlineData("""{"Domain":"a.test","ZoneId":"Z1","Tsig":{"KeyName":"k","SecretArn":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:dns"}}""", "was not fetched")]
    [InlineData("""{"Domain":"a.test","ZoneId":"Z1","Tsig":{"KeyName":"k","SecretArn":"arn:aws:s3:::bucket"}}""", "is not a Secrets Manager secret ARN")]
    [InlineData("""{"Domain":"a.test","ZoneId":"Z1","Tsig":{"KeyName":"k","Algorithm":"hmac-md5","SecretEnv":"DNS_MIRROR_TSIG_S"}}""", "is not usable")]
    public void Parse_BadSettings_ThrowsSayingWhat(string json, string expected)
    {
        var request = System.Text.Json.JsonSerializer.Deserialize(json, DnsMirrorJsonContext.Default.ZoneSyncRequest)!;

        var error = Assert.Throws<ZoneConfigException>(() => ZoneJobParser.Parse(request, s_settings, name => name == "DNS_MIRROR_TSIG_S" ? "AAAA" : null));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("AWS_SESSION_TOKEN")]
    [InlineData("DNS_MIRROR_TSIG_")]
    [InlineData("dns_mirror_tsig_lower")]
    public async Task ParseAsync_SecretEnvOutsideThePrefix_RefusedBeforeAnySecretIsRead(string variable)
    {
        var request = new ZoneSyncRequest
        {
            Domain = "a.test",
            ZoneId = "Z1",
            Tsig = new TsigReference { KeyName = "k", SecretEnv = variable },
            Target = new TargetReference { Kind = "route53", Tsig = new TsigReference { KeyName = "k2", SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:dns" } },
        };
        var read = new List<string>();
        var secretsAsked = 0;
        var secrets = new TsigSecretStore(_ => throw new InvalidOperationException($"Secrets Manager asked ({++secretsAsked})"));

        var error = await Assert.ThrowsAsync<ZoneConfigException>(() => ZoneJobParser.ParseAsync(request, s_settings, name =>
        {
            read.Add(name);
            return "AAAAAAAAAAAAAAAAAAAAAA==";
        }, secrets, CancellationToken.None));

        Assert.Contains($"Tsig.SecretEnv '{variable}' is refused", error.Message, StringComparison.Ordinal);
        Assert.Contains(ZoneJobParser.SecretEnvPrefix, error.Message, StringComparison.Ordinal);
        Assert.Empty(read);
        Assert.Equal(0, secretsAsked);
    }
    [Fact]
    public void Parse_MirrorAs_JobWritesToTheOtherZone()
    {
        var request = new ZoneSyncRequest { Domain = "corp.internal", ZoneId = "Z1", MirrorAs = "Corp.AWS.internal" };

        var job = ZoneJobParser.Parse(request, s_settings, _ => null);

        Assert.Equal(("corp.internal.", "corp.aws.internal."), (job.Zone, job.TargetZone));
    }

    [Theory]
    [InlineData("corp.internal.", "is the zone itself")]
    [InlineData("eu.corp.internal", "lies inside the zone corp.internal.")]
    [InlineData("corp!.aws", "is not a domain name")]
    public void Parse_BadMirrorAs_RefusedNamingTheZone(string mirrorAs, string expected)
    {
        var request = new ZoneSyncRequest { Domain = "corp.internal", ZoneId = "Z1", MirrorAs = mirrorAs };

        var error = Assert.Throws<ZoneConfigException>(() => ZoneJobParser.Parse(request, s_settings, _ => null));

        Assert.StartsWith("corp.internal.: MirrorAs", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false, false)]
    [InlineData(null, true, true)]
    [InlineData("audit", false, true)]
    [InlineData(" AUDIT ", true, true)]
    [InlineData("sync", false, false)]
    public void Parse_ModeAndAudit_AuditFlag(string? mode, bool audit, bool expected)
    {
        var request = new ZoneSyncRequest { Domain = "example.test", ZoneId = "Z1", Mode = mode, Audit = audit };

        var job = ZoneJobParser.Parse(request, s_settings, _ => null);

        Assert.Equal(expected, job.Audit);
    }

    [Theory]
    [InlineData("repair", false, "Mode 'repair' is not sync or audit")]
    [InlineData("sync", true, "contradict")]
    public void Parse_BadMode_Refused(string mode, bool audit, string expected)
    {
        var request = new ZoneSyncRequest { Domain = "example.test", ZoneId = "Z1", Mode = mode, Audit = audit };

        var error = Assert.Throws<ZoneConfigException>(() => ZoneJobParser.Parse(request, s_settings, _ => null));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
