using LambdaSuite.Runtime;

namespace Fanout;

/// <summary>What Fanout lets other projects use (STYLE 16): the handler as <c>Program.cs</c> builds it. Everything else in the function stays internal.</summary>
public static class FanoutEntry
{
    /// <summary>The handler <c>Program.cs</c> hands to the runtime host.</summary>
    public static ILambdaFunction Create(Func<string, string?> environment) => FanoutFunction.Create(environment);
}
