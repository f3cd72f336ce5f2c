namespace LambdaSuite.Harness.Slack;

/// <summary>One chat.postMessage the stub accepted: the channel, the text, the first attachment's colour and footer, Slack's ts, and the body as sent.</summary>
public sealed record SlackStubPost(string Channel, string Text, string? Color, string? Footer, string Ts, string Json);
