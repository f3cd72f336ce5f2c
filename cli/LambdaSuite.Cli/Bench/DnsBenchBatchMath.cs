using DnsMirror.Route53;

namespace LambdaSuite.Cli.Bench;

/// <summary>
/// The fewest ChangeResourceRecordSets requests Route 53's limits allow for a set of changes, counted here from the
/// changes themselves (not from the planner's own counters): every request holds at most 1,000 ResourceRecord
/// elements and 32,000 value characters, an UPSERT counting twice toward both, so no plan can use fewer requests
/// than the larger of the two totals divided by its limit, rounded up.
/// </summary>
internal static class DnsBenchBatchMath
{
    public const int MaxRecords = 1000;
    public const int MaxCharacters = 32000;

    public static (long Records, long Characters) Totals(IEnumerable<RecordSetChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        long records = 0, characters = 0;
        foreach (var change in changes)
        {
            var weight = change.Action == ChangeAction.Upsert ? 2 : 1;
            foreach (var value in change.RecordSet.Values)
            {
                records += weight;
                characters += (long)value.Length * weight;
            }
        }

        return (records, characters);
    }

    public static long Minimum(long records, long characters, int maxRecords = MaxRecords, int maxCharacters = MaxCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(records);
        ArgumentOutOfRangeException.ThrowIfNegative(characters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecords);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCharacters);
        return Math.Max(CeilingDivide(records, maxRecords), CeilingDivide(characters, maxCharacters));
    }

    private static long CeilingDivide(long value, long divisor) => (value + divisor - 1) / divisor;
}
