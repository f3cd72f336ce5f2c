using System.CommandLine;
using System.Text.Json;
using Amazon.Runtime;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Data;
using LambdaSuite.Data.Tables;

namespace LambdaSuite.Cli.Stack;

/// <summary>
/// <c>suite stack …</c> from C#: the parts of the local stack that speak to AWS APIs. Starting and stopping
/// the servers is shell (scripts/stack/); the shell calls <c>stack tables</c> once DynamoDB answers.
/// </summary>
public static class StackCommands
{
    public static Command Create() => Create(Environment.GetEnvironmentVariable);

    /// <summary>The command group, reading settings from <paramref name="environment"/> (tests pass their own).</summary>
    public static Command Create(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var json = new Option<bool>("--json") { Description = "Print the outcome as JSON." };
        var tables = new Command("tables", "Create the catalog's missing DynamoDB tables (keys, TTL, streams); changes nothing that exists.")
        {
            json,
        };
        tables.SetAction((parseResult, cancellationToken) =>
            RunTablesAsync(environment, parseResult.GetValue(json), parseResult.InvocationConfiguration, cancellationToken));

        return new Command("stack", "The local stack's AWS resources (the servers themselves: ./suite stack up|down|status|env).")
        {
            tables,
        };
    }

    private static async Task<int> RunTablesAsync(
        Func<string, string?> environment, bool asJson, InvocationConfiguration invocation, CancellationToken cancellationToken)
    {
        // The shell calls this once DynamoDB answers; a dead endpoint should fail in seconds, not minutes.
        environment = WithDefault(environment, "AWS_MAX_ATTEMPTS", "3");
        var resolver = new AwsEndpointResolver(environment);
        var endpoint = resolver.ConfiguredEndpoint(AwsService.DynamoDb)?.ToString() ?? resolver.Resolve(AwsService.DynamoDb).ToString();
        IReadOnlyList<TableProvisionResult> results;
        try
        {
            using var client = DynamoDbClientFactory.Create(environment);
            var provisioner = new TableProvisioner(client, TimeProvider.System);
            results = await provisioner.EnsureAllAsync(TableCatalog.All, environment, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or HttpRequestException or TimeoutException)
        {
            await invocation.Error.WriteLineAsync($"stack tables: DynamoDB at {endpoint} failed: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        var ok = results.All(r => r.Outcome != TableProvisionOutcome.Mismatch);
        if (asJson)
        {
            var report = new TableProvisionReport(ok, endpoint, results);
            await invocation.Output.WriteLineAsync(JsonSerializer.Serialize(report, StackJsonContext.Default.TableProvisionReport)).ConfigureAwait(false);
        }
        else
        {
            foreach (var result in results)
            {
                await invocation.Output.WriteLineAsync(TableProvisionText.Format(result)).ConfigureAwait(false);
            }
        }

        return ok ? 0 : 1;
    }

    private static Func<string, string?> WithDefault(Func<string, string?> environment, string variable, string value) =>
        name => name == variable ? environment(name) ?? value : environment(name);
}
