using System.Diagnostics;
using System.Globalization;
using IotRegistry.Devices;
using LambdaSuite.Cli.Devices;
using LambdaSuite.Data.Devices;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Moto;
using LambdaSuite.Harness.Runtime;

namespace LambdaSuite.Demo;

/// <summary>
/// IotRegistry through its bootstrap: IoT rule registrations (demo/iot/01-04: two devices, a replay, a spoofed
/// client id), an activation over an ALB, wrong codes until the lockout answers 429, a re-activation through an
/// HTTP API (409), an IoT activation of the locked doorbell with its right code (429), then the catalog as the CLI
/// shows it (never a code or a hash). With the stack's moto as IoT Data, the IoT door's answers are read back from
/// moto on the devices' response topics.
/// </summary>
public static class IotRegistryDemo
{
    private static readonly DeviceKey s_thermostat = new("SN-DEMO-THERMO-01", "ID-DEMO-THERMO-01");
    private static readonly DeviceKey s_doorbell = new("SN-DEMO-BELL-02", "ID-DEMO-BELL-02");

    /// <summary>More than any sensible ACTIVATION_MAX_FAILED_ATTEMPTS for a demo; the scene fails if no 429 comes first.</summary>
    private const int MaxGuesses = 20;

    /// <summary>The template's default IotTopicPrefix.</summary>
    private const string TopicPrefix = "devices";

    public static async Task<int> RunAsync(RepositoryLayout layout, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("== IotRegistry: IoT rule and HTTP events -> bootstrap -> iotCatalog").ConfigureAwait(false);
        var services = DeviceServices.Create(Environment.GetEnvironmentVariable);

        // The scene owns these two keys: start from nothing so a second run tells the same story.
        await services.Catalog.DeleteAsync(s_thermostat, ct).ConfigureAwait(false);
        await services.Catalog.DeleteAsync(s_doorbell, ct).ConfigureAwait(false);

        // The answers on the response topics are read back from moto's recorder, when IoT Data is a moto on this machine.
        var recording = Uri.TryCreate(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_IOT_DATA_PLANE"), UriKind.Absolute, out var iotData) && iotData.IsLoopback ? iotData : null;
        var mark = recording is null ? 0 : await MotoRecording.StartAsync(recording, ct).ConfigureAwait(false);
        var environment = recording is null ? null : new Dictionary<string, string?> { [global::IotRegistry.IotRegistrySettings.Variables.TopicPrefix] = TopicPrefix };

        var wrong = new List<string>();
        var logs = new List<string>();
        await using (var session = await BootstrapSession.StartAsync(layout.PackagedBootstrap("IotRegistry"), "IotRegistry", line => { lock (logs) { logs.Add(line); } }, ct, environment).ConfigureAwait(false))
        {
            async Task<DemoAnswer> Step(string file, int expected)
            {
                var watch = Stopwatch.StartNew();
                var outcome = await session.InvokeAsync(await File.ReadAllBytesAsync(layout.FullPath("demo/iot/" + file), ct).ConfigureAwait(false), TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
                var answer = DemoAnswer.Read(outcome);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {file,-42} {watch.ElapsedMilliseconds,4} ms  {answer}")).ConfigureAwait(false);
                if (answer.Status != expected)
                {
                    wrong.Add(string.Create(CultureInfo.InvariantCulture, $"{file}: {answer.Status} instead of {expected}"));
                }

                return answer;
            }

            await Step("01-register-thermostat.json", 201).ConfigureAwait(false);
            await Step("02-register-doorbell.json", 201).ConfigureAwait(false);
            await Step("03-register-thermostat-again.json", 200).ConfigureAwait(false);
            await Step("04-register-spoofed-client.json", 403).ConfigureAwait(false);
            await Step("05-activate-thermostat-alb.json", 200).ConfigureAwait(false);

            var guesses = 0;
            DemoAnswer guess;
            do
            {
                guesses++;
                var watch = Stopwatch.StartNew();
                var outcome = await session.InvokeAsync(await File.ReadAllBytesAsync(layout.FullPath("demo/iot/06-wrong-code-doorbell-alb-multivalue.json"), ct).ConfigureAwait(false), TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
                guess = DemoAnswer.Read(outcome);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {"06-wrong-code-doorbell (guess " + guesses + ")",-42} {watch.ElapsedMilliseconds,4} ms  {guess}")).ConfigureAwait(false);
            }
            while (guess.Status == 403 && guesses < MaxGuesses);

            if (guess.Status != 429 || guess.RetryAfter is null)
            {
                wrong.Add(string.Create(CultureInfo.InvariantCulture, $"wrong codes: ended with {guess.Status} after {guesses} guesses, not 429 with Retry-After"));
            }

            await Step("07-reactivate-thermostat-apigw-v2.json", 409).ConfigureAwait(false);
            var read = await Step("08-get-thermostat-apigw-v2.json", 200).ConfigureAwait(false);
            if (!read.Body.Contains("\"owner\":\"a***@owners.example\"", StringComparison.Ordinal))
            {
                wrong.Add("GET: the owner is not alice's masked address");
            }

            await Step("09-activate-doorbell-iot-locked.json", 429).ConfigureAwait(false);
        }

        int warnings;
        lock (logs)
        {
            warnings = logs.Count(l => l.Contains("\"level\":\"Warn", StringComparison.OrdinalIgnoreCase));
            if (logs.Any(l => l.Contains("AC-7RK4", StringComparison.Ordinal) || l.Contains("AC-GUESS", StringComparison.Ordinal)))
            {
                wrong.Add("an activation code appeared in the function's logs");
            }
        }

        await output.WriteLineAsync($"  ({logs.Count} JSON log lines from the bootstrap, {warnings} warning(s) for the refused attempts; no code in any)\n").ConfigureAwait(false);

        if (recording is null)
        {
            await output.WriteLineAsync("  response topics: skipped (AWS_ENDPOINT_URL_IOT_DATA_PLANE names no IoT Data on this machine)\n").ConfigureAwait(false);
        }
        else
        {
            var publishes = await MotoRecording.IotPublishesAsync(recording, t => t.StartsWith(TopicPrefix + "/SN-DEMO-", StringComparison.Ordinal), mark, ct).ConfigureAwait(false);
            await ShowResponseTopicsAsync(publishes, output, wrong).ConfigureAwait(false);
        }

        var views = new List<DeviceView>();
        foreach (var key in new[] { s_doorbell, s_thermostat })
        {
            if (await services.Catalog.GetAsync(key, ct).ConfigureAwait(false) is { } record)
            {
                views.Add(DeviceView.From(record));
            }
        }

        await output.WriteLineAsync(DeviceText.Table(views)).ConfigureAwait(false);
        var thermostat = await services.Catalog.GetAsync(s_thermostat, ct).ConfigureAwait(false);
        var doorbell = await services.Catalog.GetAsync(s_doorbell, ct).ConfigureAwait(false);
        if (thermostat is not { Activated: true, OwnerEmail: "alice@owners.example" })
        {
            wrong.Add("the thermostat is not activated by alice");
        }

        if (doorbell is not { Activated: false, OwnerEmail: null })
        {
            wrong.Add("the doorbell changed although every code was wrong");
        }

        await output.WriteLineAsync(wrong.Count == 0
            ? "  IotRegistry: replay, spoofing, guessing and re-activation were all refused; the owner is the one who held the code."
            : "  IotRegistry: unexpected: " + string.Join("; ", wrong)).ConfigureAwait(false);
        return wrong.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// What the devices heard: the three registrations accepted (the spoofed one gets no answer) and the locked
    /// doorbell's activation rejected; the HTTP activations answer their caller, not a topic.
    /// </summary>
    private static async Task ShowResponseTopicsAsync(IReadOnlyList<MotoIotPublish> publishes, TextWriter output, List<string> wrong)
    {
        await output.WriteLineAsync("  response topics (IoT Data publishes, read back from moto):").ConfigureAwait(false);
        foreach (var publish in publishes)
        {
            var payload = System.Text.Encoding.UTF8.GetString(publish.Payload);
            using var answer = System.Text.Json.JsonDocument.Parse(payload);
            var outcome = answer.RootElement.TryGetProperty("outcome", out var value) ? value.GetString() : "?";
            await output.WriteLineAsync($"    {publish.Topic,-48} {outcome}").ConfigureAwait(false);
            if (payload.Contains("AC-", StringComparison.Ordinal))
            {
                wrong.Add("an activation code appeared in a response-topic answer");
            }
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        string[] expected =
        [
            $"{TopicPrefix}/{s_thermostat.SerialNumber}/register/accepted",
            $"{TopicPrefix}/{s_doorbell.SerialNumber}/register/accepted",
            $"{TopicPrefix}/{s_thermostat.SerialNumber}/register/accepted",
            $"{TopicPrefix}/{s_doorbell.SerialNumber}/activate/rejected",
        ];
        if (!publishes.Select(p => p.Topic).SequenceEqual(expected))
        {
            wrong.Add("response topics: " + string.Join(", ", publishes.Select(p => p.Topic)) + " instead of " + string.Join(", ", expected));
        }
    }
}
