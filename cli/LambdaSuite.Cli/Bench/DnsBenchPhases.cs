using System.Globalization;
using DnsMirror.Diff;

namespace LambdaSuite.Cli.Bench;

/// <summary>
/// The whole-sync figures over the measured rounds: the bootstrap's wall and CPU time, the phases it reported, and
/// the loopback Route 53's own answering time, taken out of the wall time to leave the function's share.
/// </summary>
internal sealed class DnsBenchPhases
{
    private readonly DnsBenchFigures _list = new("list");
    private readonly DnsBenchFigures _apply = new("apply");
    private readonly DnsBenchFigures _state = new("state");

    public DnsBenchFigures Transfer { get; } = new("    transfer, shipped bootstrap");

    public DnsBenchFigures Diff { get; } = new("(b) diff + plan, shipped bootstrap");

    public DnsBenchFigures Wall { get; } = new("(c) whole sync, shipped bootstrap");

    public DnsBenchFigures Route53 { get; } = new("    of which loopback Route 53");

    public DnsBenchFigures Ours { get; } = new("    whole sync less Route 53");

    public DnsBenchFigures Cpu { get; } = new("    function CPU per sync");

    public void Add(ZonePhaseTimings timings, TimeSpan wall, TimeSpan cpu, TimeSpan route53)
    {
        ArgumentNullException.ThrowIfNull(timings);
        Transfer.Add(TimeSpan.FromMilliseconds(timings.TransferMs));
        _list.Add(TimeSpan.FromMilliseconds(timings.ListMs));
        Diff.Add(TimeSpan.FromMilliseconds(timings.DiffMs));
        _apply.Add(TimeSpan.FromMilliseconds(timings.ApplyMs));
        _state.Add(TimeSpan.FromMilliseconds(timings.StateMs));
        Wall.Add(wall);
        Route53.Add(route53);
        Ours.Add(wall - route53);
        Cpu.Add(cpu);
    }

    /// <summary>Median of each phase the function reported, in its order.</summary>
    public string Breakdown() => string.Create(CultureInfo.InvariantCulture,
        $"transfer {Transfer.Median:0}, list {_list.Median:0}, diff {Diff.Median:0}, apply {_apply.Median:0}, state {_state.Median:0} ms");
}
