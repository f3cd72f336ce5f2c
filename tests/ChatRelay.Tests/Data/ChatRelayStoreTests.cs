using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaSuite.Data.ChatRelay;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit.Dynamo;

namespace ChatRelay.Tests.Data;

/// <summary>The chatRelay table on DynamoDB Local: the items the contract names, and the sent claim's one-winner rule.</summary>
[Trait("Category", "Integration")]
public sealed class ChatRelayStoreTests : IAsyncLifetime
{
    private readonly IAmazonDynamoDB _dynamoDb = LocalDynamoDb.CreateClient();
    private string _table = "";

    private ChatRelayStore Store => new(_dynamoDb, _table);

    public async Task InitializeAsync() => _table = await LocalDynamoDb.CreateUniqueTableAsync(_dynamoDb, TableCatalog.ChatRelay);

    public async Task DisposeAsync()
    {
        await _dynamoDb.DeleteTableAsync(_table);
        _dynamoDb.Dispose();
    }

    [Fact]
    public async Task PutToken_ThenGet_StoredUnderHashWithRoomSetNeverTheToken()
    {
        var hash = ChatTokenHash.Of("hc-secret-token-value");
        await Store.PutTokenAsync(new ChatToken(hash, new HashSet<string> { "deploys", "ops room" }, "ci", DateTimeOffset.FromUnixTimeSeconds(1796000000)));

        var read = await Store.GetTokenAsync(hash);
        var raw = await _dynamoDb.GetItemAsync(new GetItemRequest { TableName = _table, Key = new() { ["pk"] = new AttributeValue { S = "token#" + hash } } });

        Assert.Equal(["deploys", "ops room"], read!.Rooms.Order());
        Assert.Equal(("ci", 1796000000L), (read.Label, read.CreatedAt.ToUnixTimeSeconds()));
        Assert.Equal(64, hash.Length);
        Assert.Equal(["deploys", "ops room"], raw.Item["rooms"].SS.Order());
        Assert.DoesNotContain(raw.Item.Values, v => v.S == "hc-secret-token-value");
    }

    [Fact]
    public async Task Lists_TokensAndRooms_EachKindOnlyItsOwnItems()
    {
        await Store.PutTokenAsync(new ChatToken(ChatTokenHash.Of("a"), new HashSet<string> { "r" }, null, DateTimeOffset.UtcNow));
        await Store.PutRoomAsync(new ChatRoom("r", "C0R", true, "bot"));
        await Store.TryClaimSentAsync("k1", DateTimeOffset.UtcNow.AddDays(1));

        var tokens = await Store.ListTokensAsync();
        var rooms = await Store.ListRoomsAsync();

        Assert.Equal(ChatTokenHash.Of("a"), Assert.Single(tokens).Hash);
        Assert.Equal(new ChatRoom("r", "C0R", true, "bot"), Assert.Single(rooms));
    }

    [Fact]
    public async Task TryClaimSent_TwiceThenMarkedThenReleased_OneWinnerAndTtlSet()
    {
        var expires = DateTimeOffset.UtcNow.AddDays(1);

        var first = await Store.TryClaimSentAsync("key-1", expires);
        var second = await Store.TryClaimSentAsync("key-1", expires);
        await Store.MarkSentAsync("key-1", "1800000001.000001");
        var afterPost = await Store.TryClaimSentAsync("key-1", expires);
        var raw = await _dynamoDb.GetItemAsync(new GetItemRequest { TableName = _table, Key = new() { ["pk"] = new AttributeValue { S = "sent#key-1" } } });
        await Store.ReleaseSentAsync("key-1");
        var afterRelease = await Store.TryClaimSentAsync("key-1", expires);

        Assert.Equal((true, false), (first.Claimed, second.Claimed));
        Assert.Null(second.SlackTs);
        Assert.Equal(new ChatSentClaim(false, "1800000001.000001"), afterPost);
        Assert.Equal(expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), raw.Item["expiresAt"].N);
        Assert.True(afterRelease.Claimed);
    }

    [Fact]
    public async Task TryClaimSent_TwentyAtOnce_ExactlyOneClaims()
    {
        var expires = DateTimeOffset.UtcNow.AddDays(1);

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Store.TryClaimSentAsync("race", expires)));

        Assert.Single(claims, c => c.Claimed);
    }

    [Fact]
    public async Task Deletes_ExistingAndAbsent_TrueThenFalse()
    {
        await Store.PutRoomAsync(new ChatRoom("gone", "C0G", false, null));

        var first = await Store.DeleteRoomAsync("gone");
        var second = await Store.DeleteRoomAsync("gone");
        var token = await Store.DeleteTokenAsync(ChatTokenHash.Of("never-added"));

        Assert.Equal((true, false, false), (first, second, token));
    }
}
