using LambdaSuite.Data.Fanout;

namespace Fanout.Config;

/// <summary>A fixed set of mappings: for tests, the bench and running the handler from the CLI without a table.</summary>
internal sealed class StaticTargetSource(IEnumerable<FanoutTarget> targets) : IFanoutTargetSource
{
    private readonly FanoutTarget[] _targets = [.. targets];

    public Task<IReadOnlyList<FanoutTargetRow>> RowsForAsync(string sourceArn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FanoutTargetRow>>(
            [.. _targets.Where(t => t.SourceArn == sourceArn).Select(t => new FanoutTargetRow(t.SourceArn, t.Id, t, FanoutTargetValidator.Validate(t)))]);
}
