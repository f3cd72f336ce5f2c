using System.CommandLine;
using LambdaSuite.Cli.Stack;

namespace Cli.Tests.Stack;

/// <summary>`stack tables` when DynamoDB cannot be reached: a clear message and exit code 2, no stack trace.</summary>
public sealed class StackCommandsOfflineTests
{
    [Fact]
    public async Task Tables_NothingListening_ExitsTwoNamingTheEndpoint()
    {
        // Port 1 on loopback is closed on any sane machine: the connection is refused at once.
        var environment = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:1" };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parseResult = StackCommands.Create(environment.GetValueOrDefault).Parse(["tables"]);

        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(2, exitCode);
        Assert.StartsWith("stack tables: DynamoDB at http://127.0.0.1:1/ failed:", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Parse_UnknownOption_ReportsParseError()
    {
        var parseResult = StackCommands.Create(_ => null).Parse(["tables", "--yaml"]);

        Assert.NotEmpty(parseResult.Errors);
    }
}
