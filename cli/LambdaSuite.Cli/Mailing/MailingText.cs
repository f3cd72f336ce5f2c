using System.Globalization;
using System.Text;
using LambdaSuite.Data;
using LambdaSuite.Data.Mailing;

namespace LambdaSuite.Cli.Mailing;

/// <summary>Human-readable views of mailing records for the terminal.</summary>
public static class MailingText
{
    public static string Describe(MailingRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{r.Address}: {(r.State == MailingState.Suppressed ? "SUPPRESSED" : "active")}");
        if (r.SuppressedBy is { } by)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({r.SuppressionReason} since {DynamoTime.Format(r.SuppressedSince!.Value)}{Detail(by)})");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"  totals: {string.Join(", ", r.Totals.Select(t => $"{t.Key} {t.Value}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  soft bounces in window: {r.SoftBounceCount}");
        foreach (var e in r.HardEvents.Concat(r.SoftBounces).Concat(r.Unsuppressions).OrderBy(e => e, Comparer<MailingEvent>.Create(MailingEvent.CompareByTime)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {DynamoTime.Format(e.At)}  {e.Kind}{Detail(e)}");
        }

        return text.ToString().TrimEnd();
    }

    public static string Table(IReadOnlyList<MailingRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var width = Math.Max(7, records.Count == 0 ? 0 : records.Max(r => r.Address.Length));
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"ADDRESS".PadRight(width)}  {"STATE",-10}  {"REASON",-18}  {"SINCE",-24}  BOUNCES  COMPLAINTS  DELIVERIES");
        foreach (var r in records)
        {
            var since = r.SuppressedSince is { } s ? DynamoTime.Format(s) : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{r.Address.PadRight(width)}  {(r.State == MailingState.Suppressed ? "suppressed" : "active"),-10}  {r.SuppressionReason ?? "",-18}  {since,-24}  {Total(r, "Bounce"),7}  {Total(r, "Complaint"),10}  {Total(r, "Delivery"),10}");
        }

        text.Append(CultureInfo.InvariantCulture, $"{records.Count} address(es)");
        return text.ToString();
    }

    private static long Total(MailingRecord r, string kind) => r.Totals.GetValueOrDefault(kind);

    private static string Detail(MailingEvent e) =>
        string.Concat(
            e.BounceType is null ? "" : $" {e.BounceType}/{e.BounceSubType}",
            e.ComplaintFeedbackType is null ? "" : $" feedback={e.ComplaintFeedbackType}",
            e.DiagnosticCode is null ? "" : $" \"{e.DiagnosticCode}\"",
            e.Note is null ? "" : $" reason=\"{e.Note}\"");
}
