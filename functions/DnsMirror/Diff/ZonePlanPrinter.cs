using System.Globalization;

namespace DnsMirror.Diff;

/// <summary>Writes a plan for people: what DryRun shows and what a real run logs before applying.</summary>
internal static class ZonePlanPrinter
{
    public static void Write(ZonePlan plan, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(writer);
        var diff = plan.Diff;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plan: {diff.Changes.Count} change(s), {diff.Deletes} delete(s), {diff.UnchangedRecordSets} unchanged, {diff.Skipped.Count} skipped, {plan.Batches.Count} batch(es)"));
        if (plan.RefusalReason is not null)
        {
            writer.WriteLine("REFUSED: " + plan.RefusalReason);
        }

        foreach (var warning in plan.Warnings)
        {
            writer.WriteLine("warning: " + warning);
        }

        for (var i = 0; i < plan.Batches.Count; i++)
        {
            var batch = plan.Batches[i];
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch {i + 1}/{plan.Batches.Count}: {batch.Changes.Count} change(s), {batch.ResourceRecordCount} records, {batch.ValueCharacters} characters"));
            foreach (var change in batch.Changes)
            {
                writer.WriteLine("  " + change);
            }
        }

        foreach (var skip in diff.Skipped)
        {
            writer.WriteLine($"skipped: {skip.Name} {skip.Type}: {skip.Reason}");
        }
    }
}
