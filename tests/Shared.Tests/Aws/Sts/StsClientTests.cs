using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Sts;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws.Sts;

public class StsClientTests : StubbedClientTestBase
{
    private const string RoleArn = "arn:aws:iam::444455556666:role/fanout-target";

    [Fact]
    public async Task AssumeRoleAsync_WithExternalId_SendsQueryAndParsesCredentials()
    {
        Stub.Enqueue(AwsTestData.Xml("Sts/assume-role.xml"));

        var response = await Factory.CreateSts().AssumeRoleAsync(new AssumeRoleRequest { RoleArn = RoleArn, RoleSessionName = "lambda-suite", ExternalId = "ext-42", DurationSeconds = 900 });

        AssertAllSigned();
        var form = Assert.Single(Stub.Requests).FormParameters();
        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "AssumeRole",
            ["Version"] = "2011-06-15",
            ["RoleArn"] = RoleArn,
            ["RoleSessionName"] = "lambda-suite",
            ["ExternalId"] = "ext-42",
            ["DurationSeconds"] = "900",
        }, form);
        Assert.Equal("sts", Stub.Requests[0].Signature.Service);
        Assert.Equal(("ASIAASSUMEDKEY000001", "FwoGZXIvYXdzEXAMPLETOKEN"), (response.Credentials.AccessKeyId, response.Credentials.SessionToken));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero), response.Credentials.Expiration);
        Assert.Equal("arn:aws:sts::444455556666:assumed-role/fanout-target/lambda-suite", response.AssumedRoleUserArn);
    }

    [Fact]
    public async Task AssumeRoleAsync_AccessDenied_ThrowsWithoutRetry()
    {
        Stub.Enqueue(StubResponse.Xml("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform sts:AssumeRole</Message></Error><RequestId>sts-1</RequestId></ErrorResponse>", 403));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Factory.CreateSts().AssumeRoleAsync(new AssumeRoleRequest { RoleArn = RoleArn, RoleSessionName = "s" }));

        Assert.Equal(("AccessDenied", "sts-1"), (error.ErrorCode, error.RequestId));
        Assert.Single(Stub.Requests);
    }
}
