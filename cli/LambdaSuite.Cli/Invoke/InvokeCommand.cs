using System.CommandLine;
using System.Text;
using System.Text.Json;
using LambdaSuite.Harness;
using LambdaSuite.Runtime;

namespace LambdaSuite.Cli.Invoke;

/// <summary>
/// <c>./suite invoke &lt;Function&gt; --event FILE [--in-process] [--json]</c>: runs one event through the function's
/// packaged bootstrap (as Lambda would) or in-process, prints the response or the error, exits 1 on error.
/// </summary>
public static class InvokeCommand
{
    public const int FunctionErrorExitCode = 1;
    public const int UsageErrorExitCode = 2;

    public static Command Create() => Create(FunctionCatalog.Default, RepositoryLayout.Discover);

    public static Command Create(FunctionCatalog catalog, Func<RepositoryLayout> layout)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(layout);
        var function = new Argument<string>("function") { Description = "Function name: " + string.Join(", ", catalog.Functions.Select(f => f.Name)) };
        var eventFile = new Option<FileInfo>("--event", "-e") { Description = "File holding the event JSON", Required = true };
        var inProcess = new Option<bool>("--in-process") { Description = "Call the function's Create factory in this process instead of running its bootstrap" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document describing the outcome" };
        var bootstrap = new Option<FileInfo?>("--bootstrap") { Description = "Run this executable instead of artifacts/package/<this machine's arch>/<Function>/bootstrap" };
        var timeout = new Option<int>("--timeout") { Description = "Function timeout in seconds", DefaultValueFactory = _ => 30 };

        var command = new Command("invoke", "Invoke a function once with an event, through the Lambda Runtime API")
        {
            function, eventFile, inProcess, json, bootstrap, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var name = parse.GetRequiredValue(function);
            var file = parse.GetRequiredValue(eventFile);
            if (!file.Exists)
            {
                await error.WriteLineAsync($"Event file not found: {file.FullName}").ConfigureAwait(false);
                return UsageErrorExitCode;
            }

            var eventJson = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            var invoker = new FunctionInvoker(line => error.WriteLine(line));
            var limit = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout)));
            InvokeResult result;
            try
            {
                if (parse.GetValue(inProcess))
                {
                    using var logs = new LineForwardingStream(error);
                    result = await invoker.InvokeInProcessAsync(catalog.Find(name), Environment.GetEnvironmentVariable, eventJson, limit, logs).ConfigureAwait(false);
                }
                else
                {
                    var path = parse.GetValue(bootstrap)?.FullName ?? layout().PackagedBootstrap(catalog.Find(name).Name);
                    result = await invoker.InvokeProcessAsync(path, name, eventJson, limit, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FileNotFoundException or InvalidOperationException)
            {
                await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return UsageErrorExitCode;
            }

            await WriteAsync(result, name, parse.GetValue(inProcess), parse.GetValue(json), output, error).ConfigureAwait(false);
            return result.Succeeded ? 0 : FunctionErrorExitCode;
        });
        return command;
    }

    private static async Task WriteAsync(InvokeResult result, string function, bool inProcess, bool json, TextWriter output, TextWriter error)
    {
        if (json)
        {
            await output.WriteLineAsync(CliJson.Write(writer => WriteJson(writer, result, function, inProcess))).ConfigureAwait(false);
            return;
        }

        if (result.Response is not null)
        {
            await output.WriteLineAsync(Encoding.UTF8.GetString(result.Response)).ConfigureAwait(false);
            return;
        }

        var failure = result.Error ?? new LambdaError("", "", []);
        await output.WriteLineAsync(Encoding.UTF8.GetString(failure.ToUtf8Json())).ConfigureAwait(false);
        var exit = result.ExitCode is { } code ? $" (exit code {code})" : "";
        await error.WriteLineAsync($"{function}: {result.Status} {failure.ErrorType}: {failure.ErrorMessage}{exit}").ConfigureAwait(false);
    }

    private static void WriteJson(Utf8JsonWriter writer, InvokeResult result, string function, bool inProcess)
    {
        writer.WriteStartObject();
        writer.WriteString("function", function);
        writer.WriteString("mode", inProcess ? "in-process" : "process");
        writer.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(result.Status.ToString()));
        writer.WriteString("requestId", result.RequestId);
        writer.WriteNumber("durationMs", Math.Round(result.Duration.TotalMilliseconds, 2));
        if (result.ExitCode is { } exitCode)
        {
            writer.WriteNumber("exitCode", exitCode);
        }

        if (result.Response is not null)
        {
            CliJson.WritePayload(writer, "response", result.Response);
        }

        if (result.Error is not null)
        {
            writer.WritePropertyName("error");
            writer.WriteRawValue(result.Error.ToUtf8Json(), skipInputValidation: true);
        }

        writer.WriteEndObject();
    }
}
