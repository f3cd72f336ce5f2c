using LambdaSuite.Data;
using LambdaSuite.Data.ChatRelay;
using LambdaSuite.Runtime;

namespace ChatRelay;

/// <summary>
/// What ChatRelay lets other projects use (STYLE 16): the handler as <c>Program.cs</c> builds it, and the chatRelay
/// store on the table the function's settings name, for the CLI's chat commands. Everything else stays internal.
/// </summary>
public static class ChatRelayEntry
{
    /// <summary>The handler <c>Program.cs</c> hands to the runtime host.</summary>
    public static ILambdaFunction Create(Func<string, string?> environment) => ChatRelayFunction.Create(environment);

    /// <summary>The chatRelay table the function reads (same settings, same table name).</summary>
    public static ChatRelayStore CreateStore(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new ChatRelayStore(DynamoDbClientFactory.Create(environment), ChatRelaySettings.Read(environment).TableName);
    }
}
