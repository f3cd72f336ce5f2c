using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.SecretsManager;
using LambdaSuite.TestKit.Moto;

namespace Shared.Tests.Aws.SecretsManager;

/// <summary>
/// The in-house Secrets Manager client against moto, a third-party implementation of the service: secrets are
/// written by boto3 (AWS's own SDK), read by our client, so neither side checks only itself.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SecretsManagerMotoTests : IDisposable
{
    private readonly AwsClientFactory _factory;
    private readonly SecretsManagerClient _client;

    public SecretsManagerMotoTests()
    {
        _factory = MotoClientFactory.Create();
        _client = _factory.CreateSecretsManager();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task GetSecretValueAsync_StringSecretWrittenByBoto3_ReadsTheSameTextAndArn()
    {
        var name = UniqueName("string");
        var arn = await Boto3.RunAsync(
            "sm = boto3.client('secretsmanager')\nprint(sm.create_secret(Name=os.environ['ARG_name'], SecretString=os.environ['ARG_value'])['ARN'])",
            ("name", name), ("value", "{\"secret\": \"c2VjcmV0\"}"));

        var response = await _client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = arn });

        Assert.Equal("{\"secret\": \"c2VjcmV0\"}", response.SecretString);
        Assert.Null(response.SecretBinary);
        Assert.Equal(arn, response.ARN);
        Assert.Equal(name, response.Name);
        Assert.Contains("AWSCURRENT", response.VersionStages);
    }

    [Fact]
    public async Task GetSecretValueAsync_BinarySecretWrittenByBoto3_DecodesToTheSameBytes()
    {
        var name = UniqueName("binary");
        byte[] secret = [0, 1, 2, 0x7f, 0x80, 0xfe, 0xff];
        await Boto3.RunAsync(
            "sm = boto3.client('secretsmanager')\nsm.create_secret(Name=os.environ['ARG_name'], SecretBinary=base64.b64decode(os.environ['ARG_value']))",
            ("name", name), ("value", Convert.ToBase64String(secret)));

        var response = await _client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name });

        Assert.Equal(secret, response.SecretBinary);
        Assert.Null(response.SecretString);
    }

    [Fact]
    public async Task GetSecretValueAsync_AfterANewVersion_PreviousStageStillReadsTheOldValue()
    {
        var name = UniqueName("rotated");
        await Boto3.RunAsync(
            "sm = boto3.client('secretsmanager')\nsm.create_secret(Name=os.environ['ARG_name'], SecretString='first')\nsm.put_secret_value(SecretId=os.environ['ARG_name'], SecretString='second')",
            ("name", name));

        var current = await _client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name });
        var previous = await _client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name, VersionStage = "AWSPREVIOUS" });

        Assert.Equal(("second", "first"), (current.SecretString, previous.SecretString));
        Assert.NotEqual(current.VersionId, previous.VersionId);
    }

    [Fact]
    public async Task GetSecretValueAsync_UnknownSecret_ServiceExceptionWithMotosCode()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = UniqueName("missing") }));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
    }

    private static string UniqueName(string kind) => $"suite-test/{kind}-{Guid.NewGuid():N}";
}
