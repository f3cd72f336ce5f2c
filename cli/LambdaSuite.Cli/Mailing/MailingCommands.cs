using System.CommandLine;
using System.Text;
using System.Text.Json;
using LambdaSuite.Data;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Data.Tables;
using SesFeedback;
using SesFeedback.Feedback;
using SesFeedback.Mailing;

namespace LambdaSuite.Cli.Mailing;

/// <summary>
/// <c>suite mailing get|list|unsuppress</c>: read and repair the mailing table SesFeedback keeps. A failure ends
/// in one line on standard error and exit code 3 (<see cref="CommandFailure"/>); <c>--verbose</c> adds the trace.
/// </summary>
public static class MailingCommands
{
    /// <summary>An interactive command should not retry an unreachable endpoint for a minute: 3 attempts unless AWS_MAX_ATTEMPTS says otherwise.</summary>
    private const string DefaultMaxAttempts = "3";

    public static Command Create() => Create(Environment.GetEnvironmentVariable);

    public static Command Create(Func<string, string?> processEnvironment)
    {
        ArgumentNullException.ThrowIfNull(processEnvironment);
        Func<string, string?> environment = name => name == "AWS_MAX_ATTEMPTS" ? processEnvironment(name) ?? DefaultMaxAttempts : processEnvironment(name);
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var verbose = CommandFailure.VerboseOption();
        var address = new Argument<string>("address") { Description = "The email address." };

        var get = new Command("get", "Show one address: state, why and since when, counters, history.") { address, json };
        get.SetAction(Guarded(environment, verbose, (result, ct) => GetAsync(environment, result.GetValue(address)!, result.GetValue(json), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct)));

        var state = new Option<string?>("--state") { Description = "Only addresses in this state: active or suppressed." };
        state.AcceptOnlyFromAmong("active", "suppressed");
        var list = new Command("list", "List addresses, optionally by state.") { state, json };
        list.SetAction(Guarded(environment, verbose, (result, ct) => ListAsync(environment, result.GetValue(state), result.GetValue(json), result.InvocationConfiguration.Output, ct)));

        var reason = new Option<string>("--reason") { Description = "Why the suppression is lifted (kept in the address's history).", Required = true };
        var unsuppress = new Command("unsuppress", "Lift a suppression by hand; the only way a complaint or hard bounce is lifted.") { address, reason, json };
        unsuppress.SetAction(Guarded(environment, verbose, (result, ct) => UnsuppressAsync(environment, result.GetValue(address)!, result.GetValue(reason)!, result.GetValue(json), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct)));

        return new Command("mailing", "The mailing table of SesFeedback.") { verbose, get, list, unsuppress };
    }

    private static Func<ParseResult, CancellationToken, Task<int>> Guarded(Func<string, string?> environment, Option<bool> verbose, Func<ParseResult, CancellationToken, Task<int>> action) =>
        (result, ct) => CommandFailure.GuardAsync(
            result,
            result.GetValue(verbose),
            $"mailing {result.CommandResult.Command.Name}",
            environment,
            TableCatalog.Mailing,
            () => action(result, ct),
            failure => failure is InvalidFeedbackException invalid ? (invalid.Message, 2) : null);

    private static MailingStore Store(Func<string, string?> environment) =>
        new(DynamoDbClientFactory.Create(environment), SesFeedbackSettings.Read(environment).TableName, TimeProvider.System);

    private static async Task<int> GetAsync(Func<string, string?> environment, string raw, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!EmailAddress.TryNormalize(raw, out var address, out var refusal))
        {
            await error.WriteLineAsync($"'{raw}' is not an email address: {refusal}").ConfigureAwait(false);
            return 2;
        }

        var record = await Store(environment).GetAsync(address, ct).ConfigureAwait(false);
        if (record is null)
        {
            await output.WriteLineAsync(asJson ? "null" : $"{address}: no feedback recorded").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync(asJson ? Encoding.UTF8.GetString(MailingRecordJson.Serialize(record)) : MailingText.Describe(record)).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ListAsync(Func<string, string?> environment, string? state, bool asJson, TextWriter output, CancellationToken ct)
    {
        MailingState? wanted = state is null ? null : state == "suppressed" ? MailingState.Suppressed : MailingState.Active;
        var records = new List<MailingRecord>();
        await foreach (var record in Store(environment).ListAsync(wanted, ct).ConfigureAwait(false))
        {
            records.Add(record);
        }

        records.Sort((a, b) => string.CompareOrdinal(a.Address, b.Address));
        if (asJson)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartArray();
                records.ForEach(r => MailingRecordJson.Write(writer, r));
                writer.WriteEndArray();
            }

            await output.WriteLineAsync(Encoding.UTF8.GetString(stream.ToArray())).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(MailingText.Table(records)).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Exit 0 when lifted or not suppressed, 1 when the address is unknown or stays suppressed; each case says why.</summary>
    private static async Task<int> UnsuppressAsync(Func<string, string?> environment, string raw, string reason, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var result = await SesFeedbackEntry.UnsuppressAsync(environment, Store(environment), raw, reason, DateTimeOffset.UtcNow, ct).ConfigureAwait(false);
        if (result.Status != UnsuppressStatus.Lifted)
        {
            await error.WriteLineAsync(result.Message).ConfigureAwait(false);
            return result.Status == UnsuppressStatus.NotSuppressed ? 0 : 1;
        }

        await output.WriteLineAsync(asJson ? Encoding.UTF8.GetString(MailingRecordJson.Serialize(result.Record!)) : MailingText.Describe(result.Record!)).ConfigureAwait(false);
        return 0;
    }
}
