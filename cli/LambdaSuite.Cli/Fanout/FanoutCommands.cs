using System.CommandLine;
using System.Text.Json;
using LambdaSuite.Data;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Data.Tables;

namespace LambdaSuite.Cli.Fanout;

/// <summary>
/// <c>suite fanout …</c>: the original's command set over the mapping table (FANOUT_TARGETS_TABLE):
/// register, list, update, activate, deactivate, unregister and validate, each with <c>--json</c>.
/// Exit codes: 0 done, 1 refused (exists, missing, invalid), 3 could not run (one line saying why and what to do, as
/// every command group says it: <see cref="CommandFailure"/>; <c>--verbose</c> adds the exception).
/// </summary>
public static class FanoutCommands
{
    public static Command Create() => Create(Environment.GetEnvironmentVariable);

    public static Command Create(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var json = new Option<bool>("--json") { Description = "Print the outcome as JSON.", Recursive = true };
        var root = new Command("fanout", "Fanout mappings: which stream goes to which destinations.") { json, CommandFailure.VerboseOption() };
        root.Subcommands.Add(Register(environment, json));
        root.Subcommands.Add(Update(environment, json));
        root.Subcommands.Add(List(environment, json));
        root.Subcommands.Add(SetActive(environment, json, "activate", active: true));
        root.Subcommands.Add(SetActive(environment, json, "deactivate", active: false));
        root.Subcommands.Add(Unregister(environment, json));
        root.Subcommands.Add(Validate(environment, json));
        return root;
    }

    private static Command Register(Func<string, string?> environment, Option<bool> json)
    {
        var type = new Argument<string>("TYPE") { Description = string.Join(", ", FanoutTargetTypes.All) };
        var options = new FanoutTargetOptions();
        var command = new Command("register", "Add a mapping (refused when it exists).") { type };
        foreach (var option in options.All())
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, token) => RunAsync(environment, parse, json, "register", async store =>
        {
            if (!FanoutTargetTypes.TryParse(parse.GetValue(type), out var targetType))
            {
                return Refused($"TYPE '{parse.GetValue(type)}' is not one of {string.Join(", ", FanoutTargetTypes.All)}.");
            }

            var target = options.Apply(parse, new FanoutTarget { SourceArn = parse.GetValue(options.Source)!, Id = parse.GetValue(options.Id)!, Type = targetType, Destination = "" });
            var errors = FanoutTargetValidator.Validate(target);
            if (errors.Count > 0)
            {
                return Refused(string.Join(" ", errors));
            }

            return await store.PutAsync(target, mustExist: false, token).ConfigureAwait(false)
                ? Done($"registered {target.Name} for {target.SourceArn}", target)
                : Refused($"mapping {target.Id} already exists for {target.SourceArn}; use update.");
        }));
        return command;
    }

    private static Command Update(Func<string, string?> environment, Option<bool> json)
    {
        var options = new FanoutTargetOptions();
        var command = new Command("update", "Change options of an existing mapping; options not given keep their value.");
        foreach (var option in options.All())
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, token) => RunAsync(environment, parse, json, "update", async store =>
        {
            var row = await store.GetAsync(parse.GetValue(options.Source)!, parse.GetValue(options.Id)!, token).ConfigureAwait(false);
            if (row?.Target is null)
            {
                return Refused(row is null ? "no such mapping." : "the stored row is invalid: " + string.Join(" ", row.Errors) + " Unregister and register it again.");
            }

            var target = options.Apply(parse, row.Target);
            var errors = FanoutTargetValidator.Validate(target);
            if (errors.Count > 0)
            {
                return Refused(string.Join(" ", errors));
            }

            return await store.PutAsync(target, mustExist: true, token).ConfigureAwait(false)
                ? Done($"updated {target.Name}", target)
                : Refused("the mapping disappeared while updating.");
        }));
        return command;
    }

    private static Command List(Func<string, string?> environment, Option<bool> json)
    {
        var source = new Option<string>("--source") { Description = "Only this source's mappings." };
        var command = new Command("list", "List mappings (every page of the table).") { source };
        command.SetAction((parse, token) => RunAsync(environment, parse, json, "list", async store =>
        {
            var rows = parse.GetValue(source) is { Length: > 0 } arn
                ? await store.QueryBySourceAsync(arn, token).ConfigureAwait(false)
                : await store.ScanAsync(token).ConfigureAwait(false);
            return new FanoutCommandResult("list", true, $"{rows.Count} mapping(s)", [.. rows.Select(FanoutRowView.Of)]);
        }));
        return command;
    }

    private static Command SetActive(Func<string, string?> environment, Option<bool> json, string name, bool active)
    {
        var source = new Option<string>("--source") { Required = true };
        var id = new Option<string>("--id") { Required = true };
        var command = new Command(name, active ? "Start delivering to a mapping." : "Stop delivering to a mapping (kept in the table).") { source, id };
        command.SetAction((parse, token) => RunAsync(environment, parse, json, name, async store =>
            await store.SetActiveAsync(parse.GetValue(source)!, parse.GetValue(id)!, active, token).ConfigureAwait(false)
                ? new FanoutCommandResult(name, true, $"{name}d {parse.GetValue(id)}", [])
                : Refused("no such mapping.")));
        return command;
    }

    private static Command Unregister(Func<string, string?> environment, Option<bool> json)
    {
        var source = new Option<string>("--source") { Required = true };
        var id = new Option<string>("--id") { Required = true };
        var command = new Command("unregister", "Delete a mapping.") { source, id };
        command.SetAction((parse, token) => RunAsync(environment, parse, json, "unregister", async store =>
            await store.DeleteAsync(parse.GetValue(source)!, parse.GetValue(id)!, token).ConfigureAwait(false)
                ? new FanoutCommandResult("unregister", true, $"unregistered {parse.GetValue(id)}", [])
                : Refused("no such mapping.")));
        return command;
    }

    private static Command Validate(Func<string, string?> environment, Option<bool> json)
    {
        var command = new Command("validate", "Check every row of the table offline (no destination is called); exit 1 when any is invalid.");
        command.SetAction((parse, token) => RunAsync(environment, parse, json, "validate", async store =>
        {
            var rows = await store.ScanAsync(token).ConfigureAwait(false);
            var invalid = rows.Count(r => !r.IsValid);
            return new FanoutCommandResult("validate", invalid == 0, $"{rows.Count} row(s), {invalid} invalid", [.. rows.Select(FanoutRowView.Of)]);
        }));
        return command;
    }

    private static FanoutCommandResult Done(string message, FanoutTarget target) =>
        new("", true, message, [FanoutRowView.Of(new FanoutTargetRow(target.SourceArn, target.Id, target, []))]);

    private static FanoutCommandResult Refused(string message) => new("", false, message, []);

    private static async Task<int> RunAsync(Func<string, string?> environment, ParseResult parse, Option<bool> json, string name, Func<FanoutTargetStore, Task<FanoutCommandResult>> run)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        FanoutCommandResult? result = null;
        var exitCode = await CommandFailure.GuardAsync(parse, parse.GetValue<bool>("--verbose"), $"fanout {name}", environment, TableCatalog.FanoutTargets, async () =>
        {
            try
            {
                using var client = DynamoDbClientFactory.Create(environment);
                result = await run(new FanoutTargetStore(client, TableCatalog.FanoutTargets.ResolveName(environment))).ConfigureAwait(false) with { Command = name };
            }
            catch (ArgumentException e)
            {
                result = new FanoutCommandResult(name, false, e.Message, []);
            }

            return 0;
        }).ConfigureAwait(false);
        if (result is null)
        {
            return exitCode;
        }

        if (parse.GetValue(json))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(result, FanoutJsonContext.Default.FanoutCommandResult)).ConfigureAwait(false);
        }
        else
        {
            await (result.Ok ? output : error).WriteLineAsync($"fanout {name}: {result.Message}").ConfigureAwait(false);
            foreach (var row in result.Rows)
            {
                await output.WriteLineAsync(row.ToText()).ConfigureAwait(false);
            }
        }

        return result.Ok ? 0 : 1;
    }
}
