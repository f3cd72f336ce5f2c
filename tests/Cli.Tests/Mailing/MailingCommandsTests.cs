using System.CommandLine;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LambdaSuite.Cli;
using LambdaSuite.Cli.Mailing;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Dynamo;
using SesFeedback.Feedback;
using SesFeedback.Mailing;

namespace Cli.Tests.Mailing;

/// <summary>`mailing get|list|unsuppress` as a new user meets them (issue 19, items 13 and 18).</summary>
public sealed class MailingCommandsTests
{
    [Theory]
    [InlineData("get", "ben@readers.example")]
    [InlineData("list")]
    [InlineData("unsuppress", "ben@readers.example", "--reason", "called")]
    public async Task Mailing_DynamoDbUnreachable_EndsInOneLineWithAHintAndNoStackTrace(params string[] args)
    {
        var environment = Environment(("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9"), ("AWS_ACCESS_KEY_ID", "local"), ("AWS_SECRET_ACCESS_KEY", "local"), ("AWS_MAX_ATTEMPTS", "1"));

        var run = await InvokeAsync(environment, args);

        Assert.Equal(CommandFailure.ExitCode, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot reach DynamoDB at http://127.0.0.1:9", line, StringComparison.Ordinal);
        Assert.Contains("./suite stack up", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mailing_Verbose_AddsTheStackTrace()
    {
        var environment = Environment(("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9"), ("AWS_ACCESS_KEY_ID", "local"), ("AWS_SECRET_ACCESS_KEY", "local"), ("AWS_MAX_ATTEMPTS", "1"));

        var run = await InvokeAsync(environment, "get", "ben@readers.example", "--verbose");

        Assert.Equal(CommandFailure.ExitCode, run.ExitCode);
        Assert.Contains("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NoCredentials_SaysSoAndHowToUseTheLocalStack()
    {
        var error = new AmazonClientException("Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors: ...");

        var line = CommandFailure.Describe(error, _ => null, TableCatalog.Mailing);

        Assert.StartsWith("no AWS credentials found; for the local stack run ./suite stack up", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_MissingTable_NamesTheTableAndTheFix()
    {
        var line = CommandFailure.Describe(new Amazon.DynamoDBv2.Model.ResourceNotFoundException("Cannot do operations on a non-existent table"), name => name == "AWS_ENDPOINT_URL_DYNAMODB" ? "http://127.0.0.1:8000" : null, TableCatalog.Mailing);

        Assert.Equal("the table mailing does not exist at DynamoDB at http://127.0.0.1:8000; for the local stack run ./suite stack up and eval \"$(./suite stack env)\" (it creates the tables), or set MAILING_TABLE to the deployed table's name", line);
    }

    [Fact]
    public async Task Get_NotAnAddress_SaysWhyWithUsageExitCode()
    {
        var run = await InvokeAsync(_ => null, "get", "attacker@evil.example (<victim@v.example>)");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("comment", run.Error, StringComparison.Ordinal);
    }

    [Trait("Category", "Integration")]
    [Fact]
    public async Task Unsuppress_SuppressedAddress_LiftsItAndPrintsTheRecord()
    {
        await using var table = await MailingTable.CreateAsync();
        var rules = new MailingRules(SoftBouncePolicy.Default);
        await new FeedbackService(table.Store, rules).ApplyAsync(Complaint("lift@readers.example", DateTimeOffset.UtcNow.AddHours(-1)), default);

        var run = await InvokeAsync(table.Environment, "unsuppress", "lift@readers.example", "--reason", "confirmed by phone");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("lift@readers.example: active", run.Output, StringComparison.Ordinal);
        Assert.Equal(MailingState.Active, (await table.Store.GetAsync("lift@readers.example"))!.State);
    }

    [Trait("Category", "Integration")]
    [Fact]
    public async Task Unsuppress_ComplaintDatedInTheYear9999_SaysWhyNothingChanged()
    {
        await using var table = await MailingTable.CreateAsync();
        var rules = new MailingRules(SoftBouncePolicy.Default);
        var complaint = new FeedbackEvent("later@readers.example", new MailingEvent("k-9999", MailingEventKind.Complaint, new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero)) { FeedbackId = "c-9999" });
        await table.Store.ApplyAsync(complaint.Address, current => rules.Apply(current, complaint));

        var run = await InvokeAsync(table.Environment, "unsuppress", "later@readers.example", "--reason", "customer called");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("stays suppressed and nothing changed", run.Error, StringComparison.Ordinal);
        Assert.Contains("in the future", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Trait("Category", "Integration")]
    [Fact]
    public async Task Unsuppress_UnknownAddress_SaysSo()
    {
        await using var table = await MailingTable.CreateAsync();

        var run = await InvokeAsync(table.Environment, "unsuppress", "nobody@readers.example", "--reason", "typo");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no such address", run.Error, StringComparison.Ordinal);
    }

    private static string Complaint(string address, DateTimeOffset at) =>
        $$$"""{"notificationType":"Complaint","complaint":{"complainedRecipients":[{"emailAddress":"{{{address}}}"}],"complaintFeedbackType":"abuse","timestamp":"{{{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}}}","feedbackId":"fb-{{{Guid.NewGuid():N}}}"},"mail":{"timestamp":"{{{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}}}","messageId":"m-1","source":"news@shop.example","destination":["{{{address}}}"]}}""";

    private static Func<string, string?> Environment(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    private static async Task<MailingRun> InvokeAsync(Func<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { MailingCommands.Create(environment) };

        var exitCode = await root.Parse(["mailing", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        return new MailingRun(exitCode, output.ToString(), error.ToString());
    }

    private sealed record MailingRun(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
    }

    /// <summary>A fresh mailing table on DynamoDB Local, and the environment that names it.</summary>
    private sealed class MailingTable : IAsyncDisposable
    {
        private readonly IAmazonDynamoDB _client;

        private MailingTable(IAmazonDynamoDB client, string name)
        {
            _client = client;
            Name = name;
            Store = new MailingStore(client, name, TimeProvider.System);
        }

        public string Name { get; }

        public MailingStore Store { get; }

        public string? Environment(string variable) => variable switch
        {
            "MAILING_TABLE" => Name,
            "AWS_ENDPOINT_URL_DYNAMODB" => LocalStack.DynamoDb.ToString(),
            _ => System.Environment.GetEnvironmentVariable(variable),
        };

        public static async Task<MailingTable> CreateAsync()
        {
            var client = LocalDynamoDb.CreateClient();
            return new MailingTable(client, await LocalDynamoDb.CreateUniqueTableAsync(client, TableCatalog.Mailing));
        }

        public async ValueTask DisposeAsync()
        {
            await _client.DeleteTableAsync(Name);
            _client.Dispose();
        }
    }
}
