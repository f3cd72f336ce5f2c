using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using IotRegistry.Keys;
using IotRegistry.Tests.Support;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.TestKit.Devices;
using LambdaSuite.TestKit.Stubs;

namespace IotRegistry.Tests.Keys;

/// <summary>
/// The activation-code key read from a real Secrets Manager implementation (moto's server) by the function's own
/// client, through rotations; and the function's start when the secret cannot be read.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SecretsManagerActivationKeyTests(MotoSecrets moto, IotCatalogTableFixture table)
    : IClassFixture<MotoSecrets>, IClassFixture<IotCatalogTableFixture>
{
    private const string Variable = "ACTIVATION_CODE_KEY_SECRET_ARN";

    [Fact]
    public async Task LoadAsync_NewSecret_CurrentKeyFromSecretStringNoPrevious()
    {
        var value = NewKeyText();
        var arn = await moto.CreateSecretAsync(value);

        var keys = await SourceFor(arn).LoadAsync(CancellationToken.None);

        Assert.Equal(Hasher(value).KeyId, keys.Current.KeyId);
        Assert.Null(keys.Previous);
    }

    [Fact]
    public async Task LoadAsync_AfterEachRotation_CurrentIsNewPreviousIsFormerAndTheFirstIsGoneAfterTwo()
    {
        var (a, b, c) = (NewKeyText(), NewKeyText(), NewKeyText());
        var arn = await moto.CreateSecretAsync(a);

        await moto.RotateAsync(arn, b);
        var afterOne = await SourceFor(arn).LoadAsync(CancellationToken.None);
        await moto.RotateAsync(arn, c);
        var afterTwo = await SourceFor(arn).LoadAsync(CancellationToken.None);

        Assert.Equal((Hasher(b).KeyId, Hasher(a).KeyId), (afterOne.Current.KeyId, afterOne.Previous!.KeyId));
        Assert.Equal((Hasher(c).KeyId, Hasher(b).KeyId), (afterTwo.Current.KeyId, afterTwo.Previous!.KeyId));
        Assert.Null(afterTwo.Find(Hasher(a).KeyId));
    }

    [Fact]
    public async Task LoadAsync_ShortSecret_RefusedWithoutEchoingIt()
    {
        var arn = await moto.CreateSecretAsync("short-key-1234");

        var error = await Assert.ThrowsAsync<ActivationKeyException>(() => SourceFor(arn).LoadAsync(CancellationToken.None));

        Assert.StartsWith($"{Variable} ({arn}): the secret's AWSCURRENT version holds 14 bytes; the key needs at least 32", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-key-1234", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SecretMissing_FailsToStartWithOneLineNamingTheVariableAndTheProblem()
    {
        var arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:iot/no-such-key-AbCdEf";

        var error = Assert.Throws<ActivationKeyException>(() => IotRegistryFunction.Create(Environment(arn), Factory()));

        Assert.Equal(
            $"{Variable} ({arn}): Secrets Manager has no such secret (ResourceNotFoundException); check the ARN and the region it names.",
            error.Message);
    }

    [Fact]
    public async Task Create_AccessDenied_FailsToStartWithOneLineNamingTheVariableAndTheRightToGrant()
    {
        var arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:iot/activation-code-key-AbCdEf";
        await using var stub = await AwsStubServer.StartAsync();
        stub.Responder = _ => StubResponse.Json(
            """{"__type":"AccessDeniedException","message":"User: arn:aws:sts::123456789012:assumed-role/IotRegistry/fn is not authorized to perform: secretsmanager:GetSecretValue"}""", 400);
        using var aws = StubClientFactory.For(stub);

        var error = Assert.Throws<ActivationKeyException>(() => IotRegistryFunction.Create(Environment(arn), aws));

        Assert.StartsWith($"{Variable} ({arn}): Secrets Manager refused access (AccessDeniedException: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("grant the function's role secretsmanager:GetSecretValue on this secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.All(stub.Requests, r => Assert.Equal("secretsmanager.GetSecretValue", r.Target));
    }

    [Fact]
    public async Task InvokeAsync_HealthChecks_NoSecretAndNoTableRequests()
    {
        var arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:iot/activation-code-key-AbCdEf";
        await using var stub = await AwsStubServer.StartAsync();
        stub.Responder = request => request.BodyText.Contains("AWSCURRENT", StringComparison.Ordinal)
            ? StubResponse.Json($$"""{"ARN":"{{arn}}","SecretString":"{{NewKeyText()}}","VersionStages":["AWSCURRENT"]}""")
            : StubResponse.Json("""{"__type":"ResourceNotFoundException","message":"Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS"}""", 400);
        using var aws = StubClientFactory.For(stub);
        var function = IotRegistryFunction.Create(Environment(arn), aws);
        var afterStart = stub.Requests.Count;
        table.ResetRequestCounts();

        for (var i = 0; i < 3; i++)
        {
            await function.InvokeAsync(HttpEvents.Build(HttpEvents.Alb, "GET", "/health"), new RecordingLambdaContext());
        }

        Assert.Equal(2, afterStart);
        Assert.Equal(afterStart, stub.Requests.Count);
        Assert.Empty(table.RequestCounts);
    }

    [Fact]
    public async Task InvokeAsync_FunctionsAcrossTwoRotations_OldCodeActivatesAfterOneAndIsRetiredAfterTwo()
    {
        var (a, b, c) = (NewKeyText(), NewKeyText(), NewKeyText());
        var arn = await moto.CreateSecretAsync(a);
        var context = new RecordingLambdaContext();
        var beforeRotation = IotRegistryFunction.Create(Environment(arn), Factory());
        var (first, second, third) = (NewSerial(), NewSerial(), NewSerial());
        await InvokeAsync(beforeRotation, "registration.json", first, context);
        await InvokeAsync(beforeRotation, "registration.json", second, context);

        await moto.RotateAsync(arn, b);
        var afterRotation = IotRegistryFunction.Create(Environment(arn), Factory());
        var oldCode = await InvokeAsync(afterRotation, "activation-iot.json", first, context);
        await InvokeAsync(afterRotation, "registration.json", third, context);
        var newCode = await InvokeAsync(afterRotation, "activation-iot.json", third, context);

        await moto.RotateAsync(arn, c);
        var afterSecondRotation = IotRegistryFunction.Create(Environment(arn), Factory());
        var retired = await InvokeAsync(afterSecondRotation, "activation-iot.json", second, context);

        Assert.Equal("activated", oldCode.GetProperty("outcome").GetString());
        Assert.Equal("activated", newCode.GetProperty("outcome").GetString());
        Assert.Equal(("key_retired", 403), (retired.GetProperty("outcome").GetString(), retired.GetProperty("status").GetInt32()));
        Assert.All(context.Lines, line =>
        {
            Assert.DoesNotContain(a, line, StringComparison.Ordinal);
            Assert.DoesNotContain(b, line, StringComparison.Ordinal);
            Assert.DoesNotContain(c, line, StringComparison.Ordinal);
        });
    }

    private Func<string, string?> Environment(string arn) => table.Environment((Variable, arn), moto.EndpointVariable);

    private AwsClientFactory Factory() =>
        new(new AwsEndpointResolver(Environment("unused")), new BasicAWSCredentials("test", "test"));

    private SecretsManagerActivationKeySource SourceFor(string arn) => new(Factory().CreateSecretsManager("us-east-1"), arn);

    private static async Task<JsonElement> InvokeAsync(IotRegistryFunction function, string template, string serial, RecordingLambdaContext context)
    {
        var bytes = await function.InvokeAsync(TestData.BytesWith(template, "SN-0001", serial), context);
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }

    private static ActivationCodeHasher Hasher(string key) => new(Encoding.UTF8.GetBytes(key));

    private static string NewSerial() => "SN-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A 64-character alphanumeric key, as the template's generated secret.</summary>
    private static string NewKeyText() => Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
}
