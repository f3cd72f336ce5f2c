using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaSuite.Cli.Devices;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Iot;
using MQTTnet;

namespace LambdaSuite.Demo;

/// <summary>
/// IotRegistry's device path over real MQTT: two devices with their own certificates register through mosquitto
/// (mutual TLS), the local rule engine running the template's SQL, the packaged bootstrap, and the answer published
/// back through the local IoT Data plane; an intruder's publish on another device's topic is refused by the broker's
/// ACL; a device naming another serial on its own topic is rejected by the function; an owner activates one device
/// over the HTTP door.
/// </summary>
public static class IotRegistryMqttScene
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(RepositoryLayout layout, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("== IotRegistry over MQTT: device -> mosquitto (mutual TLS, ACL) -> rule SQL -> bootstrap -> IoT Data -> device").ConfigureAwait(false);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SUITE_MQTT")))
        {
            await output.WriteLineAsync("  skipped: SUITE_MQTT is not set (./suite stack up starts mosquitto)\n").ConfigureAwait(false);
            return 0;
        }

        var wrong = new List<string>();
        var stack = MqttStack.FromEnvironment(Environment.GetEnvironmentVariable);
        await using var path = await LocalIotPath.StartAsync(layout, stack, null, null, ct).ConfigureAwait(false);
        var devices = DeviceSimulator.Create(2);
        var clock = Stopwatch.StartNew();
        foreach (var device in devices)
        {
            await using var client = await path.ConnectDeviceAsync(device.SerialNumber, device.ClientId, ct).ConfigureAwait(false);
            await client.PublishAsync(client.RegisterTopic, device.RegistrationMessage(), ct).ConfigureAwait(false);
            var answer = await client.NextAnswerAsync(s_wait, ct).ConfigureAwait(false);
            await Show(output, $"{device.SerialNumber} registers", answer).ConfigureAwait(false);
            if (answer is not { Accepted: true })
            {
                wrong.Add($"{device.SerialNumber} was not accepted");
            }
        }

        var intruderSerial = "SN-INTRUDER-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using (var intruder = await path.ConnectDeviceAsync(intruderSerial, "ID-INTRUDER", ct).ConfigureAwait(false))
        {
            var victim = devices[0];
            var refused = await intruder.PublishAsync($"{stack.TopicPrefix}/{victim.SerialNumber}/register", victim.RegistrationMessage(), ct).ConfigureAwait(false);
            await output.WriteLineAsync($"  {intruderSerial} publishes on {victim.SerialNumber}'s topic: broker says {refused.ReasonCode}").ConfigureAwait(false);
            if (refused.ReasonCode != MqttClientPublishReasonCode.NotAuthorized)
            {
                wrong.Add("the broker let an intruder publish on another device's topic");
            }

            var claim = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(victim.RegistrationMessage()).Replace("ID-", "ID-X", StringComparison.Ordinal));
            await intruder.PublishAsync(intruder.RegisterTopic, claim, ct).ConfigureAwait(false);
            var answer = await intruder.NextAnswerAsync(s_wait, ct).ConfigureAwait(false);
            await Show(output, $"{intruderSerial} claims {victim.SerialNumber} on its own topic", answer).ConfigureAwait(false);
            if (answer is null || answer.Accepted || Outcome(answer.Payload) != "serial_mismatch")
            {
                wrong.Add("a device registered another serial from its own topic");
            }
        }

        var owner = devices[1];
        var activation = await path.Session.InvokeAsync(ActivationHttpEvent.Build(owner.SerialNumber, owner.ClientId, owner.ActivationCode, "carol@owners.example"), s_wait, ct).ConfigureAwait(false);
        int status;
        using (var answer = JsonDocument.Parse(activation.Body))
        {
            status = answer.RootElement.GetProperty("statusCode").GetInt32();
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  owner activates {owner.SerialNumber} over the HTTP door: {status}")).ConfigureAwait(false);
        if (status != 200)
        {
            wrong.Add("the owner's activation was not 200");
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  ({path.Engine.Invocations.Count} rule invocations, {path.DataPlane.Published} answers published, {clock.ElapsedMilliseconds} ms)")).ConfigureAwait(false);
        await output.WriteLineAsync(wrong.Count == 0
            ? "  IotRegistry over MQTT: devices heard their answers; the broker and the function each refused the spoof they are there to refuse.\n"
            : "  IotRegistry over MQTT: unexpected: " + string.Join("; ", wrong) + "\n").ConfigureAwait(false);
        return wrong.Count == 0 ? 0 : 1;
    }

    private static Task Show(TextWriter output, string step, DeviceAnswer? answer) =>
        output.WriteLineAsync(answer is null
            ? $"  {step}: no answer within {s_wait.TotalSeconds:0} s"
            : $"  {step}: heard on {answer.Topic}: {Outcome(answer.Payload)}");

    private static string Outcome(byte[] payload)
    {
        using var answer = JsonDocument.Parse(payload);
        return answer.RootElement.TryGetProperty("outcome", out var outcome) ? outcome.GetString() ?? "?" : "?";
    }
}
