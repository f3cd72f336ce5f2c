using LambdaSuite.Data.Fanout;

namespace Fanout.Config;

/// <summary>The mapping rows of one source (the table, or a fixed list in tests and the bench).</summary>
internal interface IFanoutTargetSource
{
    Task<IReadOnlyList<FanoutTargetRow>> RowsForAsync(string sourceArn, CancellationToken cancellationToken);
}
