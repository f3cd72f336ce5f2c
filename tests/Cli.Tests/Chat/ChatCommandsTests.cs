using System.CommandLine;
using System.Text.Json;
using Amazon.DynamoDBv2;
using LambdaSuite.Cli;
using LambdaSuite.Cli.Chat;
using LambdaSuite.Data.ChatRelay;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit.Dynamo;

namespace Cli.Tests.Chat;

/// <summary>`chat tokens add|list|revoke` and `chat rooms map|list|unmap` against a chatRelay table of their own in DynamoDB Local.</summary>
[Trait("Category", "Integration")]
public sealed class ChatCommandsTests : IAsyncLifetime
{
    private const string Token = "hc-cli-0123456789abcdefghijABCDEFGHIJ012";
    private readonly IAmazonDynamoDB _dynamoDb = LocalDynamoDb.CreateClient();
    private string _table = "";

    public async Task InitializeAsync() => _table = await LocalDynamoDb.CreateUniqueTableAsync(_dynamoDb, TableCatalog.ChatRelay);

    public async Task DisposeAsync()
    {
        await _dynamoDb.DeleteTableAsync(_table);
        _dynamoDb.Dispose();
    }

    private string? Environment(string name) => name == "CHAT_RELAY_TABLE" ? _table : System.Environment.GetEnvironmentVariable(name);

    private async Task<(int ExitCode, string Output, string Error)> InvokeAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { ChatCommands.Create(Environment, new StringReader(stdin)) };

        var exitCode = await root.Parse(["chat", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task TokensAdd_FromStdin_StoredHashedWithNormalisedRoomsAndNeverPrinted()
    {
        var added = await InvokeAsync(Token + "\n", "tokens", "add", "-", "--rooms", "Deploys, Ops Room", "--label", "legacy-ci");
        var listed = await InvokeAsync("", "tokens", "list", "--json");

        Assert.Equal(0, added.ExitCode);
        var stored = await new ChatRelayStore(_dynamoDb, _table).GetTokenAsync(ChatTokenHash.Of(Token));
        Assert.Equal(["deploys", "ops room"], stored!.Rooms.Order());
        Assert.Equal("legacy-ci", stored.Label);
        Assert.DoesNotContain(Token, added.Output + added.Error + listed.Output, StringComparison.Ordinal);
        var row = Assert.Single(JsonDocument.Parse(listed.Output).RootElement.EnumerateArray());
        Assert.Equal(ChatTokenHash.Prefix(ChatTokenHash.Of(Token)), row.GetProperty("hashPrefix").GetString());
    }

    [Fact]
    public async Task TokensRevoke_AddedThenAgain_0Then1()
    {
        await InvokeAsync("", "tokens", "add", Token, "--rooms", "deploys");

        var revoked = await InvokeAsync("", "tokens", "revoke", Token);
        var again = await InvokeAsync("", "tokens", "revoke", Token);

        Assert.Equal((0, 1), (revoked.ExitCode, again.ExitCode));
        Assert.Null(await new ChatRelayStore(_dynamoDb, _table).GetTokenAsync(ChatTokenHash.Of(Token)));
        Assert.DoesNotContain(Token, revoked.Output + again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tokens", "add", "two words", "--rooms", "deploys")]
    [InlineData("tokens", "add", "-", "--rooms", "deploys")]
    [InlineData("tokens", "add", Token, "--rooms", " , ")]
    [InlineData("rooms", "map", "deploys", "--channel", "#deploys")]
    public async Task Commands_BadInput_Exit2WithASentence(params string[] args)
    {
        var run = await InvokeAsync("", args);

        Assert.Equal(2, run.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(run.Error));
        Assert.Empty(await new ChatRelayStore(_dynamoDb, _table).ListTokensAsync());
    }

    [Fact]
    public async Task Rooms_MapListUnmap_TheMappingTheFunctionReads()
    {
        var mapped = await InvokeAsync("", "rooms", "map", "API%20Evangelist", "--channel", "C0123456789", "--allow-mention", "--from", "CI");
        var listed = await InvokeAsync("", "rooms", "list");
        var unmapped = await InvokeAsync("", "rooms", "unmap", "API Evangelist");
        var unknown = await InvokeAsync("", "rooms", "unmap", "api%20evangelist");

        Assert.Equal((0, 0, 0, 1), (mapped.ExitCode, listed.ExitCode, unmapped.ExitCode, unknown.ExitCode));
        Assert.Contains("api evangelist → C0123456789  mentions allowed  from CI", listed.Output, StringComparison.Ordinal);
        Assert.Empty(await new ChatRelayStore(_dynamoDb, _table).ListRoomsAsync());
    }

    [Fact]
    public async Task Chat_DynamoDbUnreachable_OneLineExit3()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { ChatCommands.Create(name => name switch { "AWS_ENDPOINT_URL_DYNAMODB" => "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID" or "AWS_SECRET_ACCESS_KEY" => "local", "AWS_MAX_ATTEMPTS" => "1", _ => null }, new StringReader("")) };

        var exitCode = await root.Parse(["chat", "rooms", "list"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(CommandFailure.ExitCode, exitCode);
        Assert.StartsWith("chat rooms list: cannot reach DynamoDB at http://127.0.0.1:9", error.ToString(), StringComparison.Ordinal);
    }
}
