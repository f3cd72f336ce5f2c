namespace Fanout.Targets;

/// <summary>An error reply (<c>-CODE message</c>), without its dash.</summary>
internal sealed record RedisError(string Text)
{
    /// <summary>The first word: <c>ERR</c>, <c>MOVED</c>, <c>ASK</c>, <c>TRYAGAIN</c>, <c>CLUSTERDOWN</c>, …</summary>
    public string Code => Text.Split(' ', 2)[0];
}
