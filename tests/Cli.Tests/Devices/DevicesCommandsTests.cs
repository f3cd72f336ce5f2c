using LambdaSuite.Cli.Devices;
using LambdaSuite.Data.Devices;
using LambdaSuite.TestKit.Devices;

namespace Cli.Tests.Devices;

/// <summary>
/// <c>suite devices</c> as a new user meets it: listing needs no activation-code key, and every failure is one line
/// on stderr (what happened, what to do), exit code 3, no stack trace.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DevicesCommandsTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>
{
    /// <summary>A secret that cannot be read: its Secrets Manager endpoint refuses connections.</summary>
    private static readonly (string, string?)[] s_unreadableSecret =
    [
        ("ACTIVATION_CODE_KEY_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:iot/activation-code-key-AbCdEf"),
        ("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:1/"),
        ("AWS_ACCESS_KEY_ID", "test"),
        ("AWS_SECRET_ACCESS_KEY", "test"),
    ];

    [Fact]
    public async Task List_SecretUnreadable_ListsWithoutTheKey()
    {
        var key = new DeviceKey("SN-" + Guid.NewGuid().ToString("N")[..12], "client-1");
        await table.Catalog.CreateIfAbsentAsync(new DeviceRecord(key, "aGFzaA==", DateTimeOffset.UtcNow));

        var run = await InvokeAsync(table.Environment(s_unreadableSecret), "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(key.SerialNumber, run.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Register_SecretUnreadable_OneLineNamingTheVariableExit3()
    {
        var run = await InvokeAsync(table.Environment(s_unreadableSecret), "register");

        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("devices register: ACTIVATION_CODE_KEY_SECRET_ARN (arn:aws:secretsmanager:", line, StringComparison.Ordinal);
        Assert.Contains("Secrets Manager could not be reached", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task Register_NoSecretOutsideLocalStack_OneLineSayingWhatToDo()
    {
        var run = await InvokeAsync(name => name == "AWS_REGION" ? "us-east-1" : null, "register");

        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("devices register: ACTIVATION_CODE_KEY_SECRET_ARN is not set", line, StringComparison.Ordinal);
        Assert.EndsWith("For the local stack run ./suite stack up and eval \"$(./suite stack env)\".", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_DynamoDbUnreachable_OneLineExit3AndStackTraceOnlyWithVerbose()
    {
        var environment = table.Environment(("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1/"), ("AWS_MAX_ATTEMPTS", "1"));

        var run = await InvokeAsync(environment, "list");
        var verbose = await InvokeAsync(environment, "list", "--verbose");

        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("devices list: cannot reach DynamoDB at http://127.0.0.1:1 (", line, StringComparison.Ordinal);
        Assert.EndsWith("); for the local stack run ./suite stack up and eval \"$(./suite stack env)\"", line, StringComparison.Ordinal);
        Assert.Equal(3, verbose.ExitCode);
        Assert.Equal(line, verbose.ErrorLines[0]);
        Assert.Contains(verbose.ErrorLines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_TableMissing_OneLineNamingTheTable()
    {
        var environment = table.Environment(("IOT_CATALOG_TABLE", "no-such-table"));

        var run = await InvokeAsync(environment, "get", "SN-1", "client-1");

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("devices get: the table no-such-table does not exist at ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    private static Task<DevicesCliRun> InvokeAsync(Func<string, string?> environment, params string[] args) => DevicesCli.InvokeAsync(environment, args);
}
