using System.Diagnostics;
using System.Globalization;
using System.Text;
using LambdaSuite.Cli.Mailing;
using LambdaSuite.Data;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Runtime;
using SesFeedback;

namespace LambdaSuite.Demo;

/// <summary>
/// SES feedback as SNS delivers it (demo/ses/*.json, written from SES's documented shapes) through the
/// SesFeedback bootstrap into DynamoDB Local, then the resulting mailing table.
/// </summary>
public static class SesFeedbackDemo
{
    public static async Task<int> RunAsync(RepositoryLayout layout, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("== SesFeedback: SES notifications via SNS -> bootstrap -> mailing table").ConfigureAwait(false);
        var logs = new List<string>();
        await using (var session = await BootstrapSession.StartAsync(layout.PackagedBootstrap("SesFeedback"), "SesFeedback", line => logs.Add(line), ct).ConfigureAwait(false))
        {
            foreach (var file in Directory.GetFiles(layout.FullPath("demo/ses"), "*.json").Order(StringComparer.Ordinal))
            {
                var watch = Stopwatch.StartNew();
                var outcome = await session.InvokeAsync(await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false), TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
                var answer = outcome.IsError ? "ERROR " + outcome.Error?.ErrorMessage : Encoding.UTF8.GetString(outcome.Body);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {Path.GetFileName(file),-46} {watch.ElapsedMilliseconds,4} ms  {answer}")).ConfigureAwait(false);
            }
        }

        var warnings = logs.Count(l => l.Contains("\"level\":\"Warning\"", StringComparison.Ordinal) || l.Contains("\"level\":\"WARN", StringComparison.OrdinalIgnoreCase));
        await output.WriteLineAsync($"  ({logs.Count} JSON log lines from the bootstrap, {warnings} warning(s) for the malformed message)\n").ConfigureAwait(false);

        var environment = (Func<string, string?>)Environment.GetEnvironmentVariable;
        var store = new MailingStore(DynamoDbClientFactory.Create(environment), SesFeedbackSettings.Read(environment).TableName, TimeProvider.System);
        var records = await ReadAllAsync(store, ct).ConfigureAwait(false);
        await output.WriteLineAsync(MailingText.Table(records)).ConfigureAwait(false);
        var ben = records.FirstOrDefault(r => r.Address == "ben@readers.example");
        if (ben is not null)
        {
            await output.WriteLineAsync("\n" + MailingText.Describe(ben)).ConfigureAwait(false);
        }

        var wrong = WrongStates(records);
        await output.WriteLineAsync(wrong.Count == 0 ? "  SesFeedback: states are as the rules say." : $"  SesFeedback: unexpected state for {string.Join(", ", wrong)}").ConfigureAwait(false);
        var queued = await SesFeedbackQueueScene.RunAsync(layout, output, ct).ConfigureAwait(false);
        return wrong.Count == 0 && queued == 0 ? 0 : 1;
    }

    /// <summary>
    /// What the scene must show, whichever wiring delivered the feedback and in whatever order: hard bounce and
    /// complaint suppress, a later delivery does not lift the complaint, three soft bounces within the window suppress
    /// whatever their arrival order, a redelivery changes nothing. The addresses not as expected.
    /// </summary>
    internal static List<string> WrongStates(IReadOnlyList<MailingRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var expected = new Dictionary<string, string?>
        {
            ["ada@readers.example"] = null,
            ["ben@readers.example"] = "Complaint",
            ["cleo@readers.example"] = "PermanentBounce",
            ["dev@readers.example"] = "SoftBounceLimit",
            ["eli@readers.example"] = null,
        };
        var wrong = expected.Where(e => records.FirstOrDefault(r => r.Address == e.Key)?.SuppressionReason != e.Value || records.All(r => r.Address != e.Key)).Select(e => e.Key).ToList();
        var ben = records.FirstOrDefault(r => r.Address == "ben@readers.example");
        if (ben is not null && ben.Totals.GetValueOrDefault("Complaint") != 1)
        {
            wrong.Add("ben@readers.example (complaint counted twice)");
        }

        return wrong;
    }

    internal static async Task<List<MailingRecord>> ReadAllAsync(MailingStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var records = new List<MailingRecord>();
        await foreach (var record in store.ListAsync(null, ct).ConfigureAwait(false))
        {
            records.Add(record);
        }

        records.Sort((a, b) => string.CompareOrdinal(a.Address, b.Address));
        return records;
    }
}
