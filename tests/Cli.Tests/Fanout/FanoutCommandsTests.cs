using System.CommandLine;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using LambdaSuite.Cli.Fanout;
using LambdaSuite.Data;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Dynamo;

namespace Cli.Tests.Fanout;

/// <summary>`fanout …` against DynamoDB Local, each test on a mapping table of its own.</summary>
[Trait("Category", "Integration")]
public sealed class FanoutCommandsTests
{
    private const string Source = "arn:aws-us-gov:kinesis:us-gov-west-1:123456789012:stream/in";
    private readonly Dictionary<string, string?> _environment = new()
    {
        ["AWS_ENDPOINT_URL_DYNAMODB"] = LocalStack.DynamoDb.ToString(),
        ["AWS_REGION"] = "us-east-1",
    };

    private async Task UseFreshTableAsync()
    {
        using var client = DynamoDbClientFactory.Create(name => _environment.GetValueOrDefault(name));
        _environment[TableCatalog.FanoutTargets.EnvironmentVariable] = await LocalDynamoDb.CreateUniqueTableAsync(client, TableCatalog.FanoutTargets);
    }

    [Fact]
    public async Task RegisterUpdateActivateListUnregister_RoundTripThroughTheTable()
    {
        await UseFreshTableAsync();

        var register = await InvokeAsync("register", "kinesis", "--source", Source, "--id", "copy", "--destination", "arn:aws-us-gov:kinesis:us-gov-west-1:123456789012:stream/out", "--json");
        var again = await InvokeAsync("register", "kinesis", "--source", Source, "--id", "copy", "--destination", "out");
        var update = await InvokeAsync("update", "--source", Source, "--id", "copy", "--deaggregate", "--parallel", "3");
        var activate = await InvokeAsync("activate", "--source", Source, "--id", "copy");
        var list = await InvokeAsync("list", "--source", Source, "--json");
        var unregister = await InvokeAsync("unregister", "--source", Source, "--id", "copy");
        var missing = await InvokeAsync("deactivate", "--source", Source, "--id", "copy");

        Assert.Equal([0, 1, 0, 0, 0, 0, 1], new[] { register.ExitCode, again.ExitCode, update.ExitCode, activate.ExitCode, list.ExitCode, unregister.ExitCode, missing.ExitCode });
        Assert.False(JsonDocument.Parse(register.Output).RootElement.GetProperty("rows")[0].GetProperty("active").GetBoolean());
        var row = JsonDocument.Parse(list.Output).RootElement.GetProperty("rows")[0];
        Assert.True(row.GetProperty("active").GetBoolean());
        Assert.True(row.GetProperty("deaggregate").GetBoolean());
        Assert.Equal(3, row.GetProperty("parallel").GetInt32());
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_InvalidDestination_RefusedWithReason()
    {
        await UseFreshTableAsync();

        var (exitCode, output, _) = await InvokeAsync("register", "sns", "--source", Source, "--id", "t", "--destination", "arn:aws:sqs:us-east-1:1:q", "--json");

        Assert.Equal(1, exitCode);
        Assert.Contains("not an SNS topic ARN", JsonDocument.Parse(output).RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_RowWrittenByHand_ReportsItInvalid()
    {
        await UseFreshTableAsync();
        using var client = DynamoDbClientFactory.Create(name => _environment.GetValueOrDefault(name));
        await client.PutItemAsync(_environment[TableCatalog.FanoutTargets.EnvironmentVariable], new Dictionary<string, AttributeValue>
        {
            ["sourceArn"] = new() { S = Source },
            ["id"] = new() { S = "hand" },
            ["type"] = new() { S = "fax" },
            ["destination"] = new() { S = "somewhere" },
        });

        var (exitCode, output, _) = await InvokeAsync("validate", "--json");

        Assert.Equal(1, exitCode);
        var row = JsonDocument.Parse(output).RootElement.GetProperty("rows")[0];
        Assert.False(row.GetProperty("valid").GetBoolean());
        Assert.Contains("type 'fax'", row.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_DynamoDbUnreachable_OneLineWithTheFixExit3AndTheTraceOnlyWithVerbose()
    {
        _environment["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:9";
        _environment["AWS_ACCESS_KEY_ID"] = "local";
        _environment["AWS_SECRET_ACCESS_KEY"] = "local";
        _environment["AWS_MAX_ATTEMPTS"] = "1";

        var (exitCode, output, error) = await InvokeAsync("list", "--source", Source);
        var verbose = await InvokeAsync("list", "--source", Source, "--verbose");

        Assert.Equal((3, string.Empty), (exitCode, output));
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("fanout list: cannot reach DynamoDB at http://127.0.0.1:9 (", line, StringComparison.Ordinal);
        Assert.EndsWith("./suite stack up and eval \"$(./suite stack env)\"", line, StringComparison.Ordinal);
        Assert.Equal(3, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parseResult = FanoutCommands.Create(name => _environment.GetValueOrDefault(name)).Parse(args);

        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        return (exitCode, output.ToString(), error.ToString());
    }
}
