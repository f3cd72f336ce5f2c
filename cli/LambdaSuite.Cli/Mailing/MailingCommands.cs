using System.CommandLine;
using System.Text;
using System.Text.Json;
using LambdaSuite.Data;
using LambdaSuite.Data.Mailing;
using SesFeedback;
using SesFeedback.Feedback;
using SesFeedback.Mailing;

namespace LambdaSuite.Cli.Mailing;

/// <summary><c>suite mailing get|list|unsuppress</c>: read and repair the mailing table SesFeedback keeps.</summary>
public static class MailingCommands
{
    public static Command Create() => Create(Environment.GetEnvironmentVariable);

    public static Command Create(Func<string, string?> environment)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var address = new Argument<string>("address") { Description = "The email address." };

        var get = new Command("get", "Show one address: state, why and since when, counters, history.") { address, json };
        get.SetAction((result, ct) => GetAsync(environment, result.GetValue(address)!, result.GetValue(json), result.InvocationConfiguration.Output, ct));

        var state = new Option<string?>("--state") { Description = "Only addresses in this state: active or suppressed." };
        state.AcceptOnlyFromAmong("active", "suppressed");
        var list = new Command("list", "List addresses, optionally by state.") { state, json };
        list.SetAction((result, ct) => ListAsync(environment, result.GetValue(state), result.GetValue(json), result.InvocationConfiguration.Output, ct));

        var reason = new Option<string>("--reason") { Description = "Why the suppression is lifted (kept in the address's history).", Required = true };
        var unsuppress = new Command("unsuppress", "Lift a suppression by hand; the only way a complaint or hard bounce is lifted.") { address, reason, json };
        unsuppress.SetAction((result, ct) => UnsuppressAsync(environment, result.GetValue(address)!, result.GetValue(reason)!, result.GetValue(json), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));

        return new Command("mailing", "The mailing table of SesFeedback.") { get, list, unsuppress };
    }

    private static MailingStore Store(Func<string, string?> environment) =>
        new(DynamoDbClientFactory.Create(environment), SesFeedbackSettings.Read(environment).TableName, TimeProvider.System);

    private static async Task<int> GetAsync(Func<string, string?> environment, string raw, bool asJson, TextWriter output, CancellationToken ct)
    {
        if (!EmailAddress.TryNormalize(raw, out var address))
        {
            await output.WriteLineAsync($"'{raw}' is not an email address").ConfigureAwait(false);
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

    private static async Task<int> UnsuppressAsync(Func<string, string?> environment, string raw, string reason, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var settings = SesFeedbackSettings.Read(environment);
        var store = Store(environment);
        var service = new FeedbackService(store, new MailingRules(settings.SoftBouncePolicy));
        MailingRecord? record;
        try
        {
            var before = EmailAddress.TryNormalize(raw, out var address) ? await store.GetAsync(address, ct).ConfigureAwait(false) : null;
            if (before is null)
            {
                await error.WriteLineAsync($"{raw}: no such address in the mailing table").ConfigureAwait(false);
                return 1;
            }

            if (before.State != MailingState.Suppressed)
            {
                await error.WriteLineAsync($"{before.Address} is not suppressed; nothing to do").ConfigureAwait(false);
                return 0;
            }

            record = await service.UnsuppressAsync(raw, reason, DateTimeOffset.UtcNow, ct).ConfigureAwait(false);
        }
        catch (InvalidFeedbackException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }

        await output.WriteLineAsync(asJson ? Encoding.UTF8.GetString(MailingRecordJson.Serialize(record!)) : MailingText.Describe(record!)).ConfigureAwait(false);
        return 0;
    }
}
