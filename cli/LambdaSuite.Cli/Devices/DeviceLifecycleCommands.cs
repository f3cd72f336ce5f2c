using System.CommandLine;
using System.Text;
using System.Text.Json;
using LambdaSuite.Data.Devices;
using LambdaSuite.Data.Tables;

namespace LambdaSuite.Cli.Devices;

/// <summary>
/// <c>suite devices transfer|unbind|deregister|history</c>: an administrator's lifecycle requests, signed, to IotRegistry's
/// IAM routes on the HTTP API (<see cref="DeviceAdminApi"/>). Nothing printed holds an activation code, a hash or an
/// owner's address (the function masks owners; the new owner's address is never echoed); an unbind's new code goes
/// only into the file <c>--code-file</c> names. Exit codes as the other devices commands: 0 done, 1 refused or not
/// found, 2 bad input, 3 could not run.
/// </summary>
public static class DeviceLifecycleCommands
{
    /// <summary>Pages read at most by one <c>history</c>: 100 lines each, far beyond what the lifecycle writes.</summary>
    private const int MaxHistoryPages = 1_000;

    public static IEnumerable<Command> Create(Func<string, string?> environment, Option<bool> verbose)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var api = new Option<string?>("--api") { Description = $"The HTTP API's URL (stack output HttpApiEndpoint); default ${DeviceAdminApi.UrlVariable}." };
        var serial = new Argument<string>("serialNumber") { Description = "The device's serial number." };
        var client = new Argument<string>("clientId") { Description = "The device's MQTT client id." };

        var newOwner = new Option<string>("--new-owner") { Description = "The new owner's e-mail address (never printed).", Required = true };
        var transfer = new Command("transfer", "Give a device to a new owner, as an administrator (no owner's proof needed).") { serial, client, newOwner, api, json };
        transfer.SetAction((r, ct) => Run(r, verbose, environment, "transfer", r.GetValue(api), admin => TransferAsync(
            admin, Key(r, serial, client), r.GetValue(newOwner)!, r.GetValue(json), r.InvocationConfiguration, ct)));

        var codeFile = new Option<FileInfo>("--code-file") { Description = "A new file (mode 600) for the device's new activation code, to deliver out of band.", Required = true };
        var unbind = new Command("unbind", "Remove the owner and issue a new activation code (the old one never works again).") { serial, client, codeFile, api, json };
        unbind.SetAction((r, ct) => Run(r, verbose, environment, "unbind", r.GetValue(api), admin => UnbindAsync(
            admin, Key(r, serial, client), r.GetValue(codeFile)!, r.GetValue(json), r.InvocationConfiguration, ct)));

        var yes = new Option<bool>("--yes") { Description = "Confirm: a deregistered device is retired for good." };
        var deregister = new Command("deregister", "Retire a device for good: no registration, activation, transfer or provisioning after it.") { serial, client, yes, api, json };
        deregister.SetAction((r, ct) => Run(r, verbose, environment, "deregister", r.GetValue(api), admin => DeregisterAsync(
            admin, Key(r, serial, client), r.GetValue(yes), r.GetValue(json), r.InvocationConfiguration, ct)));

        var history = new Command("history", "A device's history, oldest first (every page).") { serial, client, api, json };
        history.SetAction((r, ct) => Run(r, verbose, environment, "history", r.GetValue(api), admin => HistoryAsync(
            admin, Key(r, serial, client), r.GetValue(json), r.InvocationConfiguration, ct)));

        return [transfer, unbind, deregister, history];
    }

    private static DeviceKey Key(ParseResult r, Argument<string> serial, Argument<string> client) => new(r.GetValue(serial)!, r.GetValue(client)!);

    /// <summary>
    /// Builds the signed client and runs the command; no usable URL is a usage error (2), and whatever stops the command
    /// (no credentials, the API unreachable) is one line on stderr, exit 3, the exception only with <c>--verbose</c>.
    /// </summary>
    private static async Task<int> Run(ParseResult parse, Option<bool> verbose, Func<string, string?> environment, string command, string? url, Func<DeviceAdminApi, Task<int>> action)
    {
        var name = "devices " + command;
        DeviceAdminApi? admin = null;
        try
        {
            return await CommandFailure.GuardAsync(parse, parse.GetValue(verbose), name, environment, TableCatalog.IotCatalog, async () =>
            {
                admin = DeviceAdminApi.Create(environment, url, out var problem);
                if (admin is null)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"{name}: {problem}").ConfigureAwait(false);
                    return 2;
                }

                return await action(admin).ConfigureAwait(false);
            }, failure =>
                admin is not null && (failure is HttpRequestException || failure.InnerException is TimeoutException)
                    ? ($"cannot reach the HTTP API at {admin.ApiBase.GetLeftPart(UriPartial.Authority)} ({failure.GetBaseException().Message.ReplaceLineEndings(" ")}); check --api or ${DeviceAdminApi.UrlVariable}", CommandFailure.ExitCode)
                    : null).ConfigureAwait(false);
        }
        finally
        {
            admin?.Dispose();
        }
    }

    private static async Task<int> TransferAsync(DeviceAdminApi admin, DeviceKey key, string newOwner, bool asJson, InvocationConfiguration io, CancellationToken ct)
    {
        var body = CliJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("newOwnerEmail", newOwner);
            w.WriteEndObject();
        });
        var answer = await admin.SendAsync(key, "transfer", Encoding.UTF8.GetBytes(body), query: null, ct).ConfigureAwait(false);
        return await DeviceAnswerAsync(io, "transfer", key, answer, asJson, "transferred to the new owner").ConfigureAwait(false);
    }

    private static async Task<int> DeregisterAsync(DeviceAdminApi admin, DeviceKey key, bool confirmed, bool asJson, InvocationConfiguration io, CancellationToken ct)
    {
        if (!confirmed)
        {
            await io.Error.WriteLineAsync($"devices deregister: {key.SerialNumber} / {key.ClientId} would be retired for good; add --yes to confirm.").ConfigureAwait(false);
            return 2;
        }

        var answer = await admin.SendAsync(key, "deregister", "{}"u8.ToArray(), query: null, ct).ConfigureAwait(false);
        return await DeviceAnswerAsync(io, "deregister", key, answer, asJson, "deregistered").ConfigureAwait(false);
    }

    private static async Task<int> UnbindAsync(DeviceAdminApi admin, DeviceKey key, FileInfo codeFile, bool asJson, InvocationConfiguration io, CancellationToken ct)
    {
        // The file is made before the request, so a code is never issued that could not be kept.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        FileStream file;
        try
        {
            file = new FileStream(codeFile.FullName, options);
        }
        catch (IOException failure)
        {
            await io.Error.WriteLineAsync($"devices unbind: cannot create the code file {codeFile.Name} ({failure.Message.ReplaceLineEndings(" ")}); name a new file in a folder you can write.").ConfigureAwait(false);
            return 2;
        }
        catch (UnauthorizedAccessException)
        {
            await io.Error.WriteLineAsync($"devices unbind: cannot create the code file {codeFile.Name} (permission denied); name a new file in a folder you can write.").ConfigureAwait(false);
            return 2;
        }

        var written = false;
        try
        {
            await using (file.ConfigureAwait(false))
            {
                var answer = await admin.SendAsync(key, "unbind", "{}"u8.ToArray(), query: null, ct).ConfigureAwait(false);
                var code = answer.IsSuccess ? answer.Text("activationCode") : null;
                if (code is null)
                {
                    return answer.IsSuccess
                        ? await FailAsync(io, "unbind", "the HTTP API answered without the new activation code; is --api the HTTP API's URL?", CommandFailure.ExitCode).ConfigureAwait(false)
                        : await RefusedAsync(io, "unbind", key, answer).ConfigureAwait(false);
                }

                await file.WriteAsync(Encoding.UTF8.GetBytes(code + "\n"), ct).ConfigureAwait(false);
                await file.FlushAsync(ct).ConfigureAwait(false);
                written = true;
                var device = answer.Body!.Value.GetProperty("device");
                await io.Output.WriteLineAsync(asJson
                    ? CliJson.Write(w =>
                    {
                        w.WriteStartObject();
                        w.WritePropertyName("device");
                        DeviceLifecycleText.WriteDevice(w, device);
                        w.WriteString("codeFile", codeFile.FullName);
                        w.WriteEndObject();
                    })
                    : $"{key.SerialNumber} / {key.ClientId}: unbound; {DeviceLifecycleText.State(device)}; the new activation code is in {codeFile.Name} (mode 600), the old one never works again").ConfigureAwait(false);
                return 0;
            }
        }
        finally
        {
            // No code, no file: an empty file would look like a code that was lost.
            if (!written)
            {
                File.Delete(codeFile.FullName);
            }
        }
    }

    private static async Task<int> HistoryAsync(DeviceAdminApi admin, DeviceKey key, bool asJson, InvocationConfiguration io, CancellationToken ct)
    {
        var lines = new List<JsonElement>();
        long? after = null;
        for (var page = 0; page < MaxHistoryPages; page++)
        {
            var answer = await admin.SendAsync(key, "history", body: null, after is { } n ? "after=" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, ct).ConfigureAwait(false);
            if (!answer.IsSuccess || answer.Body is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty("history", out var entries))
            {
                return answer.IsSuccess
                    ? await FailAsync(io, "history", "the HTTP API's answer has no history; is --api the HTTP API's URL?", CommandFailure.ExitCode).ConfigureAwait(false)
                    : await RefusedAsync(io, "history", key, answer).ConfigureAwait(false);
            }

            lines.AddRange(entries.EnumerateArray());
            after = body.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.Number ? next.GetInt64() : null;
            if (after is null)
            {
                break;
            }
        }

        await io.Output.WriteLineAsync(asJson
            ? CliJson.Write(w =>
            {
                w.WriteStartArray();
                lines.ForEach(l => l.WriteTo(w));
                w.WriteEndArray();
            })
            : DeviceLifecycleText.History(key, lines)).ConfigureAwait(false);
        return 0;
    }

    /// <summary>A device answer (transfer, deregister): one line, or the function's JSON; a refusal becomes one line on stderr.</summary>
    private static async Task<int> DeviceAnswerAsync(InvocationConfiguration io, string command, DeviceKey key, DeviceAdminAnswer answer, bool asJson, string done)
    {
        if (!answer.IsSuccess)
        {
            return await RefusedAsync(io, command, key, answer).ConfigureAwait(false);
        }

        if (answer.Body is not { ValueKind: JsonValueKind.Object } device)
        {
            return await FailAsync(io, command, "the HTTP API's answer is not a device; is --api the HTTP API's URL?", CommandFailure.ExitCode).ConfigureAwait(false);
        }

        await io.Output.WriteLineAsync(asJson
            ? CliJson.Write(w => DeviceLifecycleText.WriteDevice(w, device))
            : $"{key.SerialNumber} / {key.ClientId}: {done}; {DeviceLifecycleText.State(device)}").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> RefusedAsync(InvocationConfiguration io, string command, DeviceKey key, DeviceAdminAnswer answer)
    {
        var (line, exitCode) = DeviceLifecycleText.Refusal(key, answer);
        return await FailAsync(io, command, line, exitCode).ConfigureAwait(false);
    }

    private static async Task<int> FailAsync(InvocationConfiguration io, string command, string line, int exitCode)
    {
        await io.Error.WriteLineAsync($"devices {command}: {line}").ConfigureAwait(false);
        return exitCode;
    }
}
