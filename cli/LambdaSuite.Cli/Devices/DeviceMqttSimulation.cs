using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Iot;

namespace LambdaSuite.Cli.Devices;

/// <summary>
/// <c>suite devices simulate --count N [--activate]</c>: N made-up devices, each with its own client certificate from
/// the stack's CA, connect to the stack's mosquitto, publish their registration, and wait for the answer on their
/// accepted topic, through the whole local IoT path (<see cref="LocalIotPath"/>: rule engine, packaged bootstrap,
/// IoT Data plane). With <c>--activate</c> an owner then activates each through the HTTP door (an HTTP API event to
/// the same bootstrap). Certificates are issued first and not timed: a real device gets its certificate at the factory.
/// </summary>
public static class DeviceMqttSimulation
{
    private static readonly TimeSpan s_answerWait = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(Func<string, string?> environment, int count, bool activate, int concurrency, bool asJson, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        var stack = MqttStack.FromEnvironment(environment);
        var layout = RepositoryLayout.Discover();
        var table = environment(global::IotRegistry.IotRegistrySettings.Variables.Table);
        var variables = new Dictionary<string, string?>();
        if (!string.IsNullOrEmpty(table))
        {
            variables[global::IotRegistry.IotRegistrySettings.Variables.Table] = table;
        }

        await using var path = await LocalIotPath.StartAsync(layout, stack, variables, null, ct).ConfigureAwait(false);
        var devices = DeviceSimulator.Create(count);

        var issuing = Stopwatch.StartNew();
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (d, token) =>
            await path.Certificates.IssueAsync(d.SerialNumber, d.ClientId, token).ConfigureAwait(false)).ConfigureAwait(false);
        issuing.Stop();

        var results = new ConcurrentDictionary<string, (string Registration, string? Activation)>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (d, token) =>
            results[d.SerialNumber] = await SimulateAsync(path, d, activate, token).ConfigureAwait(false)).ConfigureAwait(false);
        clock.Stop();

        var registered = results.Values.Count(r => r.Registration == "registered");
        var activated = results.Values.Count(r => r.Activation == "activated");
        var rate = count / clock.Elapsed.TotalSeconds;
        if (asJson)
        {
            await output.WriteLineAsync(CliJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("devices", count);
                w.WriteNumber("registered", registered);
                if (activate)
                {
                    w.WriteNumber("activated", activated);
                }

                w.WriteNumber("seconds", Math.Round(clock.Elapsed.TotalSeconds, 3));
                w.WriteNumber("devicesPerSecond", Math.Round(rate, 2));
                w.WriteNumber("certificateSeconds", Math.Round(issuing.Elapsed.TotalSeconds, 3));
                w.WriteStartArray("results");
                foreach (var d in devices)
                {
                    w.WriteStartObject();
                    w.WriteString("serialNumber", d.SerialNumber);
                    w.WriteString("clientId", d.ClientId);
                    w.WriteString("registration", results[d.SerialNumber].Registration);
                    if (activate)
                    {
                        w.WriteString("activation", results[d.SerialNumber].Activation);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            })).ConfigureAwait(false);
        }
        else
        {
            foreach (var d in devices)
            {
                var (registration, activation) = results[d.SerialNumber];
                await output.WriteLineAsync($"{d.SerialNumber} {d.ClientId}: {registration}{(activate ? ", " + activation : "")}").ConfigureAwait(false);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{count} devices over MQTT (mosquitto {stack.Host}:{stack.Port}, mutual TLS -> rule engine -> IotRegistry bootstrap -> IoT Data -> device): {registered} registered{(activate ? $", {activated} activated over HTTP" : "")}")).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"end to end: {clock.Elapsed.TotalSeconds:0.00} s, {rate:0.0} devices/s ({concurrency} at a time; certificates issued beforehand in {issuing.Elapsed.TotalSeconds:0.00} s)")).ConfigureAwait(false);
        }

        return registered == count && (!activate || activated == count) ? 0 : 1;
    }

    private static async Task<(string Registration, string? Activation)> SimulateAsync(LocalIotPath path, SimulatedDevice device, bool activate, CancellationToken ct)
    {
        var certificate = path.Certificates.Find(device.SerialNumber)!;
        await using var client = await MqttDevice.ConnectAsync(path.Stack, certificate, device.ClientId, ct).ConfigureAwait(false);
        await client.PublishAsync(client.RegisterTopic, device.RegistrationMessage(), ct).ConfigureAwait(false);
        var answer = await client.NextAnswerAsync(s_answerWait, ct).ConfigureAwait(false);
        var registration = answer is null ? "no answer" : Outcome(answer.Payload);
        if (!activate || registration != "registered")
        {
            return (registration, null);
        }

        var owner = $"owner+{device.SerialNumber.ToLowerInvariant()}@example.com";
        var outcome = await path.Session.InvokeAsync(ActivationHttpEvent.Build(device.SerialNumber, device.ClientId, device.ActivationCode, owner), s_answerWait, ct).ConfigureAwait(false);
        return (registration, outcome.IsError ? "failed" : HttpStatus(outcome.Body) == 200 ? "activated" : "refused " + HttpStatus(outcome.Body));
    }

    private static string Outcome(byte[] payload)
    {
        using var answer = JsonDocument.Parse(payload);
        return answer.RootElement.TryGetProperty("outcome", out var outcome) ? outcome.GetString() ?? "?" : "?";
    }

    private static int HttpStatus(byte[] response)
    {
        using var answer = JsonDocument.Parse(response);
        return answer.RootElement.TryGetProperty("statusCode", out var status) && status.TryGetInt32(out var value) ? value : 0;
    }
}
