using LambdaSuite.Data.Fanout;

namespace LambdaSuite.Cli.Fanout;

/// <summary>A mapping row as <c>--json</c> prints it: the fields, and whether the row is valid and why not.</summary>
internal sealed record FanoutRowView(
    string SourceArn,
    string Id,
    string? Type,
    string? Destination,
    bool? Active,
    string? Collapse,
    int? Parallel,
    bool? ConvertDdb,
    bool? Deaggregate,
    string? Role,
    string? Region,
    string? DeadLetter,
    bool Valid,
    IReadOnlyList<string> Errors)
{
    public static FanoutRowView Of(FanoutTargetRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var t = row.Target;
        return new FanoutRowView(
            row.SourceArn,
            row.Id,
            t is null ? null : FanoutTargetTypes.NameOf(t.Type),
            t?.Destination,
            t?.Active,
            t is null ? null : FanoutTargetMapper.CollapseName(t.Collapse),
            t?.Parallel,
            t?.ConvertDdb,
            t?.Deaggregate,
            t?.Role,
            t?.Region,
            t?.DeadLetter,
            row.IsValid,
            row.Errors);
    }

    public string ToText() => Valid
        ? $"{SourceArn}  {Id}  {Type} -> {Destination}  {(Active == true ? "active" : "inactive")}"
        : $"{SourceArn}  {Id}  INVALID: {string.Join(" ", Errors)}";
}
