using System.Net;
using System.Text.Json;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.SecretsManager;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws.SecretsManager;

public class SecretsManagerClientTests : StubbedClientTestBase
{
    private const string Arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dns/xfr-AbCdEf";

    [Fact]
    public async Task GetSecretValueAsync_Request_IsSignedJson11WithSecretId()
    {
        Stub.Enqueue(StubResponse.Json($$"""{"ARN":"{{Arn}}","Name":"dns/xfr","VersionId":"v1","SecretString":"c2VjcmV0","VersionStages":["AWSCURRENT"],"CreatedDate":1.7e9}"""));

        var response = await Factory.CreateSecretsManager().GetSecretValueAsync(new GetSecretValueRequest { SecretId = Arn });

        AssertAllSigned();
        var request = Assert.Single(Stub.Requests);
        Assert.Equal("secretsmanager.GetSecretValue", request.Target);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Equal("secretsmanager", request.Signature.Service);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(Arn, body.RootElement.GetProperty("SecretId").GetString());
        Assert.False(body.RootElement.TryGetProperty("VersionId", out _));
        Assert.Equal(("c2VjcmV0", "dns/xfr", "v1"), (response.SecretString, response.Name, response.VersionId));
        Assert.Equal(["AWSCURRENT"], response.VersionStages);
        Assert.Null(response.SecretBinary);
    }

    [Fact]
    public async Task GetSecretValueAsync_VersionStage_SentAsNamedWithoutVersionId()
    {
        Stub.Enqueue(StubResponse.Json($$"""{"ARN":"{{Arn}}","VersionId":"v0","SecretString":"b2xk","VersionStages":["AWSPREVIOUS"]}"""));

        var response = await Factory.CreateSecretsManager().GetSecretValueAsync(new GetSecretValueRequest { SecretId = Arn, VersionStage = "AWSPREVIOUS" });

        using var body = JsonDocument.Parse(Assert.Single(Stub.Requests).Body);
        Assert.Equal("AWSPREVIOUS", body.RootElement.GetProperty("VersionStage").GetString());
        Assert.False(body.RootElement.TryGetProperty("VersionId", out _));
        Assert.Equal(["AWSPREVIOUS"], response.VersionStages);
    }

    [Fact]
    public async Task GetSecretValueAsync_BinarySecret_DecodedFromBase64()
    {
        Stub.Enqueue(StubResponse.Json("""{"Name":"k","SecretBinary":"AAEC/w=="}"""));

        var response = await Factory.CreateSecretsManager().GetSecretValueAsync(new GetSecretValueRequest { SecretId = "k" });

        Assert.Equal(new byte[] { 0, 1, 2, 255 }, response.SecretBinary);
        Assert.Null(response.SecretString);
    }

    [Theory]
    [InlineData("ResourceNotFoundException", "Secrets Manager can't find the specified secret.")]
    [InlineData("AccessDeniedException", "User is not authorized to perform: secretsmanager:GetSecretValue")]
    public async Task GetSecretValueAsync_ErrorAnswer_ServiceExceptionWithCodeAndMessage(string code, string message)
    {
        Stub.Enqueue(StubResponse.Json($$"""{"__type":"{{code}}","message":"{{message}}"}""", 400));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Factory.CreateSecretsManager().GetSecretValueAsync(new GetSecretValueRequest { SecretId = Arn }));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.ErrorMessage);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Single(Stub.Requests);
    }

    [Fact]
    public void IamActions_OnlyGetSecretValue()
    {
        Assert.Equal(["secretsmanager:GetSecretValue"], SecretsManagerClient.IamActions);
    }
}
