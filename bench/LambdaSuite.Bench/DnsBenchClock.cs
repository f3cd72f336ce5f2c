namespace LambdaSuite.Bench;

/// <summary>A clock that moves only when told: the virtual time <see cref="DnsBenchPacing.Wait"/> runs the buckets on.</summary>
internal sealed class DnsBenchClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
