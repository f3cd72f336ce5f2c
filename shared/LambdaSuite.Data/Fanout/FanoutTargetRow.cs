namespace LambdaSuite.Data.Fanout;

/// <summary>
/// A row as read from the table: the target when it is valid, otherwise the reasons it is not. Invalid rows are kept
/// (not dropped) so the function can report them and <c>fanout validate</c> can list them.
/// </summary>
public sealed record FanoutTargetRow(string SourceArn, string Id, FanoutTarget? Target, IReadOnlyList<string> Errors)
{
    public bool IsValid => Target is not null && Errors.Count == 0;
}
