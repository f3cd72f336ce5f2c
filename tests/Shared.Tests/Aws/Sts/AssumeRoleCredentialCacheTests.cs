using System.Text;
using LambdaSuite.Aws.Sns;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws.Sts;

public class AssumeRoleCredentialCacheTests : StubbedClientTestBase
{
    private const string RoleArn = "arn:aws:iam::444455556666:role/fanout-target";

    [Fact]
    public async Task Get_SameKeyTwice_AssumesOnceAndSharesInstance()
    {
        Stub.Responder = AssumeRoleAnswer(expiresIn: TimeSpan.FromHours(1));
        var cache = Factory.AssumedRoles;

        var first = cache.Get(RoleArn, "ext-1", "us-east-1");
        var second = cache.Get(RoleArn, "ext-1", "us-east-1");
        var credentials = await first.GetCredentialsAsync();
        await second.GetCredentialsAsync();

        Assert.Same(first, second);
        Assert.Single(Stub.Requests);
        Assert.Equal("ASIAKEY1", credentials.AccessKey);
        Assert.Equal("ext-1", Stub.Requests[0].FormParameters()["ExternalId"]);
    }

    [Fact]
    public void Get_DifferentExternalIdOrRegion_GivesSeparateEntries()
    {
        var cache = Factory.AssumedRoles;

        var entries = new[] { cache.Get(RoleArn, "a", "us-east-1"), cache.Get(RoleArn, "b", "us-east-1"), cache.Get(RoleArn, "a", "eu-west-1"), cache.Get(RoleArn, null, "us-east-1") };

        Assert.Equal(4, entries.Distinct().Count());
        Assert.Empty(Stub.Requests);
    }

    [Fact]
    public async Task GetCredentialsAsync_InsideRefreshWindow_AssumesAgain()
    {
        Stub.Responder = AssumeRoleAnswer(expiresIn: TimeSpan.FromMinutes(30));
        var credentials = Factory.AssumedRoles.Get(RoleArn, "ext", "us-east-1");
        await credentials.GetCredentialsAsync();

        Clock.Advance(TimeSpan.FromMinutes(20));
        await credentials.GetCredentialsAsync();
        Clock.Advance(TimeSpan.FromMinutes(6));
        var refreshed = await credentials.GetCredentialsAsync();

        Assert.Equal(2, Stub.Requests.Count);
        Assert.Equal("ASIAKEY2", refreshed.AccessKey);
        Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromMinutes(30), credentials.CurrentExpiration);
    }

    [Fact]
    public async Task AssumedCredentials_UsedByClient_SignWithSessionToken()
    {
        Stub.SecretForAccessKey = key => key.StartsWith("ASIAKEY", StringComparison.Ordinal) ? "assumed-secret" : StubCredentials.SecretFor(key);
        Stub.Responder = request => request.Header("X-Amz-Security-Token") is null
            ? AssumeRoleAnswer(expiresIn: TimeSpan.FromHours(1))(request)
            : AwsTestData.Xml("Sns/publish.xml");
        var credentials = Factory.AssumedRoles.Get(RoleArn, "ext", "us-east-1");

        await Factory.CreateSns("us-east-1", credentials).PublishAsync(new PublishRequest { TopicArn = "arn:aws:sns:us-east-1:444455556666:t", Message = "m" });

        AssertAllSigned();
        Assert.Equal(2, Stub.Requests.Count);
        Assert.Equal(StubCredentials.AccessKeyId, Stub.Requests[0].Signature.AccessKeyId);
        Assert.Equal("ASIAKEY1", Stub.Requests[1].Signature.AccessKeyId);
        Assert.Equal("token-1", Stub.Requests[1].Header("X-Amz-Security-Token"));
    }

    // Each answer carries a new key (ASIAKEY1, ASIAKEY2, ...) expiring relative to the test clock.
    private Func<CapturedRequest, StubResponse> AssumeRoleAnswer(TimeSpan expiresIn)
    {
        var issued = 0;
        return _ =>
        {
            issued++;
            var expiration = (Clock.GetUtcNow() + expiresIn).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            var xml = new StringBuilder()
                .Append("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials>")
                .Append($"<AccessKeyId>ASIAKEY{issued}</AccessKeyId><SecretAccessKey>assumed-secret</SecretAccessKey>")
                .Append($"<SessionToken>token-{issued}</SessionToken><Expiration>{expiration}</Expiration>")
                .Append("</Credentials></AssumeRoleResult></AssumeRoleResponse>");
            return StubResponse.Xml(xml.ToString());
        };
    }
}
