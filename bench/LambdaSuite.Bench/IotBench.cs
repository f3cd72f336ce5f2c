using System.Diagnostics;
using LambdaSuite.Cli.Devices;
using LambdaSuite.Data.Tables;

namespace LambdaSuite.Bench;

/// <summary>
/// IotRegistry's services (the IoT door the function runs, in process) against DynamoDB Local, on a scratch
/// table that is dropped afterwards: registrations and activations per second over several rounds, and the
/// DynamoDB requests each kind of activation attempt costs, counted on the client.
/// </summary>
public sealed class IotBench(Func<string, string?> environment, TextWriter progress)
{
    public async Task<IotBenchReport> RunAsync(int rounds, int devicesPerRound, int concurrency, CancellationToken ct)
    {
        var counter = new DynamoDbRequestCounter();
        var client = counter.CreateClient(environment);
        var table = "iotCatalog-bench-" + Guid.NewGuid().ToString("N")[..8];
        await new TableProvisioner(client, TimeProvider.System).EnsureAsync(TableCatalog.IotCatalog, table, ct).ConfigureAwait(false);
        try
        {
            var services = DeviceServices.Create(name => name == TableCatalog.IotCatalog.EnvironmentVariable ? table : environment(name), client);
            var registrations = new List<double>();
            var activations = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                var devices = DeviceSimulator.Create(devicesPerRound);
                var registered = await TimeAsync(devices, concurrency, d => d.RegistrationMessage(), 201, services, ct).ConfigureAwait(false);
                var activated = await TimeAsync(devices, concurrency, d => SimulatedDevice.ActivationMessage(d.SerialNumber, d.ClientId, d.ActivationCode, "bench@owners.example"), 200, services, ct).ConfigureAwait(false);
                registrations.Add(registered);
                activations.Add(activated);
                await progress.WriteLineAsync($"  round {round}: {registered:0} registrations/s, {activated:0} activations/s").ConfigureAwait(false);
            }

            var requests = new List<IotBenchRequestCount>(await CountAsync(services, counter, ct).ConfigureAwait(false));
            requests.AddRange(await IotBenchLifecycle.CountAsync(name => name == TableCatalog.IotCatalog.EnvironmentVariable ? table : environment(name), services, counter, ct).ConfigureAwait(false));
            return new IotBenchReport(registrations, activations, requests);
        }
        finally
        {
            await client.DeleteTableAsync(table, CancellationToken.None).ConfigureAwait(false);
            client.Dispose();
        }
    }

    /// <summary>Sends one message per device, <paramref name="concurrency"/> at a time; every answer must have <paramref name="expectedStatus"/>.</summary>
    private static async Task<double> TimeAsync(
        IReadOnlyList<SimulatedDevice> devices, int concurrency, Func<SimulatedDevice, byte[]> message, int expectedStatus, DeviceServices services, CancellationToken ct)
    {
        var messages = devices.Select(message).ToArray();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (m, token) =>
        {
            var result = await services.Messages.HandleAsync(m, token).ConfigureAwait(false);
            if (result.Status != expectedStatus)
            {
                throw new InvalidOperationException($"The bench expected {expectedStatus} and got {result.Status} ({result.Error}).");
            }
        }).ConfigureAwait(false);
        return devices.Count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>One attempt of each kind on fresh devices, with the requests counted around each.</summary>
    private static async Task<IReadOnlyList<IotBenchRequestCount>> CountAsync(DeviceServices services, DynamoDbRequestCounter counter, CancellationToken ct)
    {
        var counts = new List<IotBenchRequestCount>();
        async Task Measure(string attempt, byte[] message, int expectedStatus)
        {
            var before = counter.Snapshot();
            var result = await services.Messages.HandleAsync(message, ct).ConfigureAwait(false);
            if (result.Status != expectedStatus)
            {
                throw new InvalidOperationException($"{attempt}: expected {expectedStatus}, got {result.Status} ({result.Error}).");
            }

            counts.Add(new IotBenchRequestCount(attempt, result.Status, counter.Since(before)));
        }

        var devices = DeviceSimulator.Create(3);
        foreach (var device in devices)
        {
            await services.Messages.HandleAsync(device.RegistrationMessage(), ct).ConfigureAwait(false);
        }

        var (clean, attacked, locked) = (devices[0], devices[1], devices[2]);
        byte[] Right(SimulatedDevice d) => SimulatedDevice.ActivationMessage(d.SerialNumber, d.ClientId, d.ActivationCode, "owner@owners.example");
        byte[] Wrong(SimulatedDevice d) => SimulatedDevice.ActivationMessage(d.SerialNumber, d.ClientId, "AC-WRONG-GUESS", "guess@attacker.example");
        await Measure("registration (new device)", DeviceSimulator.Create(1)[0].RegistrationMessage(), 201).ConfigureAwait(false);
        await Measure("registration (replay)", clean.RegistrationMessage(), 200).ConfigureAwait(false);
        await Measure("right code, clean device", Right(clean), 200).ConfigureAwait(false);
        await Measure("wrong code, clean device", Wrong(attacked), 403).ConfigureAwait(false);
        await Measure("wrong code, failure on record", Wrong(attacked), 403).ConfigureAwait(false);
        await Measure("right code, failure on record", Right(attacked), 200).ConfigureAwait(false);
        await Measure("already activated", Right(clean), 409).ConfigureAwait(false);
        await Measure("unknown device", Right(DeviceSimulator.Create(1)[0]), 404).ConfigureAwait(false);
        for (var guess = 0; guess < 1000 && (await services.Messages.HandleAsync(Wrong(locked), ct).ConfigureAwait(false)).Status != 429; guess++)
        {
            // Guess until the lockout answers; the attempt after that is the one measured.
        }

        await Measure("locked device", Right(locked), 429).ConfigureAwait(false);
        return counts;
    }
}
