using System.CommandLine;
using IotRegistry.Devices;
using IotRegistry.Iot;
using IotRegistry.Keys;
using LambdaSuite.Data.Devices;
using LambdaSuite.Data.Tables;

namespace LambdaSuite.Cli.Devices;

/// <summary>
/// <c>suite devices register|get|activate|list|simulate</c>: IotRegistry's catalog through the function's own services
/// (<c>transfer|unbind|deregister|history</c>, an administrator's, go through the HTTP API: <see cref="DeviceLifecycleCommands"/>).
/// Exit codes: 0 done, 1 refused or not found, 2 bad input, 3 could not run (one line on stderr saying why and what to
/// do; <c>--verbose</c> adds the exception).
/// </summary>
public static class DevicesCommands
{
    public static Command Create() => Create(Environment.GetEnvironmentVariable);

    public static Command Create(Func<string, string?> environment)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var verbose = CommandFailure.VerboseOption();
        var serial = new Argument<string>("serialNumber") { Description = "The device's serial number." };
        var client = new Argument<string>("clientId") { Description = "The device's MQTT client id." };

        var count = new Option<int>("--count") { Description = "How many devices to make up.", DefaultValueFactory = _ => 1 };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--count must be from 1 to 10000.");
            }
        });
        var register = new Command("register", "Register made-up devices as the blog's simulator does; prints their activation codes.") { count, json };
        register.SetAction((r, ct) => Run(r, verbose, environment, "register", () => RegisterAsync(environment, r.GetValue(count), r.GetValue(json), r.InvocationConfiguration.Output, ct)));

        var get = new Command("get", "Show one device (never its code or hash).") { serial, client, json };
        get.SetAction((r, ct) => Run(r, verbose, environment, "get", () => GetAsync(environment, new DeviceKey(r.GetValue(serial)!, r.GetValue(client)!), r.GetValue(json), r.InvocationConfiguration.Output, ct)));

        var code = new Option<string>("--code") { Description = "The device's activation code.", Required = true };
        var email = new Option<string>("--email") { Description = "The owner's e-mail address.", Required = true };
        var activate = new Command("activate", "Bind an owner to a device with its activation code.") { serial, client, code, email, json };
        activate.SetAction((r, ct) => Run(r, verbose, environment, "activate", () => ActivateAsync(
            environment, r.GetValue(serial)!, r.GetValue(client)!, r.GetValue(code)!, r.GetValue(email)!, r.GetValue(json), r.InvocationConfiguration.Output, ct)));

        var activateToo = new Option<bool>("--activate") { Description = "Then activate each device as its owner would, through the HTTP door." };
        var inFlight = new Option<int>("--concurrency") { Description = "Devices in flight at once (1-64).", DefaultValueFactory = _ => 8 };
        inFlight.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 64)
            {
                r.AddError("--concurrency must be from 1 to 64.");
            }
        });
        var simulate = new Command("simulate", "Devices over MQTT with their own certificates through the stack's mosquitto, the rule engine and the packaged bootstrap; prints devices/s.") { count, activateToo, inFlight, json };
        simulate.SetAction((r, ct) => Run(r, verbose, environment, "simulate", () => DeviceMqttSimulation.RunAsync(
            environment, r.GetValue(count), r.GetValue(activateToo), r.GetValue(inFlight), r.GetValue(json), r.InvocationConfiguration.Output, ct)));

        var list = new Command("list", "List every device (all pages).") { json };
        list.SetAction((r, ct) => Run(r, verbose, environment, "list", () => ListAsync(environment, r.GetValue(json), r.InvocationConfiguration.Output, ct)));

        var devices = new Command("devices", "The device catalog of IotRegistry, and its lifecycle through the HTTP API.") { verbose, register, get, activate, list, simulate };
        foreach (var lifecycle in DeviceLifecycleCommands.Create(environment, verbose))
        {
            devices.Subcommands.Add(lifecycle);
        }

        return devices;
    }

    /// <summary>Runs one command; whatever stops it becomes one line on stderr (what happened, what to do) and exit code 3.</summary>
    private static Task<int> Run(ParseResult parse, Option<bool> verbose, Func<string, string?> environment, string command, Func<Task<int>> action) =>
        CommandFailure.GuardAsync(parse, parse.GetValue(verbose), $"devices {command}", environment, TableCatalog.IotCatalog, action, failure => OwnFailure(failure) is { } line ? (line, CommandFailure.ExitCode) : null);

    /// <summary>IotRegistry's own start-up failures (the key's secret, its settings) already say what is wrong.</summary>
    private static string? OwnFailure(Exception failure) => failure switch
    {
        ActivationKeyException key => key.Message,
        InvalidOperationException settings when settings.Message.StartsWith("ACTIVATION_", StringComparison.Ordinal) =>
            $"{settings.Message} For the local stack run ./suite stack up and eval \"$(./suite stack env)\".",
        _ => null,
    };

    private static async Task<int> RegisterAsync(Func<string, string?> environment, int count, bool asJson, TextWriter output, CancellationToken ct)
    {
        var services = DeviceServices.Create(environment);
        var results = new List<(SimulatedDevice Device, IotResult Result)>();
        foreach (var device in DeviceSimulator.Create(count))
        {
            results.Add((device, await services.Messages.HandleAsync(device.RegistrationMessage(), ct).ConfigureAwait(false)));
        }

        if (asJson)
        {
            await output.WriteLineAsync(CliJson.Write(w =>
            {
                w.WriteStartArray();
                foreach (var (device, result) in results)
                {
                    w.WriteStartObject();
                    w.WriteString("serialNumber", device.SerialNumber);
                    w.WriteString("clientId", device.ClientId);
                    w.WriteString("activationCode", device.ActivationCode);
                    w.WriteString("outcome", result.Outcome);
                    w.WriteNumber("status", result.Status);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            })).ConfigureAwait(false);
        }
        else
        {
            foreach (var (device, result) in results)
            {
                await output.WriteLineAsync($"{device.SerialNumber} {device.ClientId} code {device.ActivationCode}: {DeviceText.Outcome(result)}").ConfigureAwait(false);
            }
        }

        return results.All(r => r.Result.Status < 300) ? 0 : 1;
    }

    private static async Task<int> GetAsync(Func<string, string?> environment, DeviceKey key, bool asJson, TextWriter output, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key.SerialNumber) || string.IsNullOrEmpty(key.ClientId))
        {
            await output.WriteLineAsync("serialNumber and clientId must not be empty").ConfigureAwait(false);
            return 2;
        }

        var record = await DeviceServices.CreateCatalog(environment).GetAsync(key, ct).ConfigureAwait(false);
        if (record is null)
        {
            await output.WriteLineAsync(asJson ? "null" : $"{key.SerialNumber} / {key.ClientId}: no such device").ConfigureAwait(false);
            return 1;
        }

        var view = DeviceView.From(record);
        await output.WriteLineAsync(asJson ? CliJson.Write(w => DeviceText.WriteView(w, view)) : DeviceText.Describe(view)).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ActivateAsync(
        Func<string, string?> environment, string serial, string client, string code, string email, bool asJson, TextWriter output, CancellationToken ct)
    {
        var message = SimulatedDevice.ActivationMessage(serial, client, code, email);
        var result = await DeviceServices.Create(environment).Messages.HandleAsync(message, ct).ConfigureAwait(false);
        await output.WriteLineAsync(asJson
            ? CliJson.Write(w => DeviceText.WriteResult(w, result))
            : $"{serial} / {client}: {DeviceText.Outcome(result)}").ConfigureAwait(false);
        return result.Status switch { < 300 => 0, 400 => 2, _ => 1 };
    }

    private static async Task<int> ListAsync(Func<string, string?> environment, bool asJson, TextWriter output, CancellationToken ct)
    {
        var views = new List<DeviceView>();
        await foreach (var record in DeviceServices.CreateCatalog(environment).ListAsync(cancellationToken: ct).ConfigureAwait(false))
        {
            views.Add(DeviceView.From(record));
        }

        views.Sort((a, b) => string.CompareOrdinal(a.SerialNumber + "\0" + a.ClientId, b.SerialNumber + "\0" + b.ClientId));
        await output.WriteLineAsync(asJson
            ? CliJson.Write(w =>
            {
                w.WriteStartArray();
                views.ForEach(v => DeviceText.WriteView(w, v));
                w.WriteEndArray();
            })
            : DeviceText.Table(views)).ConfigureAwait(false);
        return 0;
    }
}
