using DnsMirror.Config;
using LambdaSuite.Aws.Retry;
using LambdaSuite.TestKit.Stubs;

namespace DnsMirror.Tests.Config;

/// <summary>TSIG secrets from Secrets Manager through the real client and a SigV4-checking loopback stub.</summary>
public sealed class TsigSecretStoreTests : IAsyncLifetime
{
    private const string Arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:dns/xfr-AbCdEf";
    private const string Key = "c2VjcmV0LWtleS1mb3ItdHNpZw==";
    private AwsStubServer _stub = null!;
    private TsigSecretStore _store = null!;

    public async Task InitializeAsync()
    {
        _stub = await AwsStubServer.StartAsync();
        var aws = StubClientFactory.For(_stub, new AwsRetryPolicy { MaxAttempts = 1 });
        _store = TsigSecretStore.Create(aws);
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Theory]
    [InlineData($$"""{"SecretString":"{{Key}}"}""")]
    [InlineData($$"""{"SecretString":"{\"secret\":\"{{Key}}\",\"algorithm\":\"hmac-sha256\"}"}""")]
    [InlineData("""{"SecretBinary":"c2VjcmV0LWtleS1mb3ItdHNpZw=="}""")]
    public async Task GetBase64Async_EachAcceptedShape_Base64Key(string answer)
    {
        _stub.Enqueue(StubResponse.Json(answer));

        var secret = await _store.GetBase64Async(Arn, "a.test.", CancellationToken.None);

        Assert.Equal(Key, secret);
        var request = Assert.Single(_stub.Requests);
        Assert.True(request.Signature.IsValid, request.Signature.Reason);
        Assert.Equal("eu-west-1", request.Signature.Region);
    }

    [Fact]
    public async Task GetBase64Async_SecondCall_ServedFromCache()
    {
        _stub.Enqueue(StubResponse.Json($$"""{"SecretString":"{{Key}}"}"""));

        var first = await _store.GetBase64Async(Arn, "a.test.", CancellationToken.None);
        var second = await _store.GetBase64Async(Arn, "b.test.", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(_stub.Requests);
    }

    [Theory]
    [InlineData("ResourceNotFoundException", "Secrets Manager can't find the specified secret.")]
    [InlineData("AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/dns is not authorized to perform: secretsmanager:GetSecretValue")]
    public async Task GetBase64Async_ErrorAnswer_ConfigErrorNamingSecretAndCode(string code, string message)
    {
        _stub.Enqueue(StubResponse.Json($$"""{"__type":"{{code}}","message":"{{message}}"}""", 400));

        var error = await Assert.ThrowsAsync<ZoneConfigException>(() => _store.GetBase64Async(Arn, "a.test.", CancellationToken.None));

        Assert.Contains(Arn, error.Message, StringComparison.Ordinal);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("a.test.:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBase64Async_FailureThenSuccess_FailureNotCached()
    {
        _stub.Enqueue(StubResponse.Json("""{"__type":"AccessDeniedException","message":"denied"}""", 400), StubResponse.Json($$"""{"SecretString":"{{Key}}"}"""));

        await Assert.ThrowsAsync<ZoneConfigException>(() => _store.GetBase64Async(Arn, "a.test.", CancellationToken.None));
        var secret = await _store.GetBase64Async(Arn, "a.test.", CancellationToken.None);

        Assert.Equal(Key, secret);
        Assert.Equal(2, _stub.Requests.Count);
    }

    [Theory]
    [InlineData("""{"SecretString":"{\"password\":\"x\"}"}""", "without a string member \"secret\"")]
    [InlineData("""{"SecretString":"{not json"}""", "is not JSON")]
    [InlineData("""{"Name":"empty"}""", "neither SecretString nor SecretBinary")]
    public async Task GetBase64Async_UnusableSecret_ConfigErrorSaysWhy(string answer, string expected)
    {
        _stub.Enqueue(StubResponse.Json(answer));

        var error = await Assert.ThrowsAsync<ZoneConfigException>(() => _store.GetBase64Async(Arn, "a.test.", CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseAsync_TsigBySecretArn_KeyFromSecretsManager()
    {
        _stub.Enqueue(StubResponse.Json($$"""{"SecretString":"{{Key}}"}"""));
        var request = new ZoneSyncRequest { Domain = "a.test", ZoneId = "Z1", Tsig = new TsigReference { KeyName = "xfr", SecretArn = Arn } };

        var job = await ZoneJobParser.ParseAsync(request, new DnsMirrorSettings(), _ => null, _store, CancellationToken.None);

        Assert.Equal("xfr.", job.MasterKey?.Name);
        Assert.Single(_stub.Requests, r => r.Target == "secretsmanager.GetSecretValue");
    }
}
