using ChatRelay.Alerts;
using ChatRelay.Http;
using ChatRelay.Relay;
using ChatRelay.Slack;
using LambdaSuite.Data.ChatRelay;
using LambdaSuite.Harness.Slack;
using LambdaSuite.TestKit.Runtime;

namespace ChatRelay.Tests.Support;

/// <summary>
/// ChatRelay as its handler composes it, over an in-memory table and the loopback Slack stub (which checks the bot
/// token and the body's shape): the HTTP and alert doors exactly as <see cref="ChatRelayFunction.Create(Func{string, string?})"/> wires them.
/// </summary>
internal sealed class RelayRig : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-1111-2222-relay";
    public const string Token = "hc-0123456789abcdefghijABCDEFGHIJ0123456789";
    public const string Channel = "C0DEPLOYS1";
    public const string AlertChannel = "C0ALERTS01";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private RelayRig(SlackStubServer stub, string? alertChannel)
    {
        Stub = stub;
        BotTokenSource = new FixedBotToken(BotToken);
        Relay = new SlackRelay(new SlackClient(_http, stub.ApiBase), BotTokenSource, Store, TimeProvider.System);
        Function = new ChatRelayFunction(new HipChatHttpApi(Store, Relay, TimeProvider.System, _ => 0), new AlertHandler(Relay, alertChannel));
    }

    public SlackStubServer Stub { get; }

    public InMemoryChatRelayStore Store { get; } = new();

    public FixedBotToken BotTokenSource { get; }

    public SlackRelay Relay { get; }

    public ChatRelayFunction Function { get; }

    /// <summary>A rig with <see cref="Token"/> allowed in "deploys" and "Ops Room", "deploys" mapped to <see cref="Channel"/> with mentions allowed as given.</summary>
    public static async Task<RelayRig> StartAsync(bool allowMention = true, string? alertChannel = AlertChannel)
    {
        var rig = new RelayRig(await SlackStubServer.StartAsync(BotToken), alertChannel);
        await rig.Store.PutTokenAsync(new ChatToken(ChatTokenHash.Of(Token), new HashSet<string> { "deploys", "ops room" }, "legacy-ci", DateTimeOffset.UtcNow));
        await rig.Store.PutRoomAsync(new ChatRoom("deploys", Channel, allowMention, null));
        return rig;
    }

    public async Task<(int Status, Dictionary<string, string> Headers, string Body, string Mode)> InvokeAsync(byte[] @event, TestLambdaContext? context = null)
    {
        var answer = await Function.InvokeAsync(@event, context ?? new TestLambdaContext());
        return HipChatEvents.Read(answer);
    }

    public async ValueTask DisposeAsync()
    {
        await Stub.DisposeAsync();
        _http.Dispose();
    }
}
