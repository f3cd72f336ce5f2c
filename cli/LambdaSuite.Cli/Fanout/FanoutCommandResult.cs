namespace LambdaSuite.Cli.Fanout;

/// <summary>What a <c>fanout</c> command did, for <c>--json</c>.</summary>
internal sealed record FanoutCommandResult(string Command, bool Ok, string Message, IReadOnlyList<FanoutRowView> Rows);
