using Fanout.Config;
using LambdaSuite.Data.Fanout;

namespace Fanout.Tests.Support;

/// <summary>
/// A fixed set of mappings instead of the table, for the tests and the bench (which compiles this same file in: both
/// see Fanout's internals, and a test helper has no place in the shipped function).
/// </summary>
internal sealed class StaticTargetSource(IEnumerable<FanoutTarget> targets) : IFanoutTargetSource
{
    private readonly FanoutTarget[] _targets = [.. targets];

    public Task<IReadOnlyList<FanoutTargetRow>> RowsForAsync(string sourceArn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FanoutTargetRow>>(
            [.. _targets.Where(t => t.SourceArn == sourceArn).Select(t => new FanoutTargetRow(t.SourceArn, t.Id, t, FanoutTargetValidator.Validate(t)))]);
}
