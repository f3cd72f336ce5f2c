using System.CommandLine;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Data.Tables;

namespace LambdaSuite.Cli;

/// <summary>
/// Whatever stops a command that works on a table (the local stack's or an account's) becomes one line on standard
/// error: what happened and what to do, in the same words for every command group. The exception itself, with its
/// stack trace, is printed only with <c>--verbose</c>. A group passes its own sentences for its own exceptions.
/// </summary>
public static class CommandFailure
{
    /// <summary>A command that could not do its work (2 is a usage error, 1 "refused" or "not found").</summary>
    public const int ExitCode = 3;

    public const string StackHint = "for the local stack run ./suite stack up and eval \"$(./suite stack env)\"";

    /// <summary>The group's <c>--verbose</c>, inherited by its subcommands.</summary>
    public static Option<bool> VerboseOption() =>
        new("--verbose") { Description = "On failure, print the exception with its stack trace too.", Recursive = true };

    /// <summary>
    /// Runs <paramref name="action"/>; a failure is written as <c>&lt;command&gt;: &lt;line&gt;</c> and ends with
    /// <see cref="ExitCode"/>, or with what <paramref name="own"/> says for an exception the group knows.
    /// </summary>
    public static async Task<int> GuardAsync(
        ParseResult parse,
        bool verbose,
        string command,
        Func<string, string?> environment,
        TableDefinition table,
        Func<Task<int>> action,
        Func<Exception, (string Line, int ExitCode)?>? own = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action().ConfigureAwait(false);
        }
        // A user's cancel (Ctrl-C) ends the command as System.CommandLine ends it; an HTTP client's timeout is also an
        // OperationCanceledException, but one with a TimeoutException inside, and is described like any failure.
        catch (Exception failure) when (failure is not OperationCanceledException || failure.InnerException is TimeoutException)
        {
            var (line, exitCode) = own?.Invoke(failure) ?? (Describe(failure, environment, table), ExitCode);
            var error = parse.InvocationConfiguration.Error;
            await error.WriteLineAsync($"{command}: {line}").ConfigureAwait(false);
            if (verbose)
            {
                await error.WriteLineAsync(failure.ToString()).ConfigureAwait(false);
            }

            return exitCode;
        }
    }

    /// <summary>One line for <paramref name="failure"/>, naming where DynamoDB was looked for and the table.</summary>
    public static string Describe(Exception failure, Func<string, string?> environment, TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(table);
        var endpoint = new AwsEndpointResolver(environment).ConfiguredEndpoint(AwsService.DynamoDb);
        var where = endpoint is null ? "AWS's DynamoDB endpoint (no AWS_ENDPOINT_URL_DYNAMODB set)" : $"DynamoDB at {endpoint.GetLeftPart(UriPartial.Authority)}";
        var name = table.ResolveName(environment);
        return failure switch
        {
            ResourceNotFoundException =>
                $"the table {name} does not exist at {where}; {StackHint} (it creates the tables), or set {table.EnvironmentVariable} to the deployed table's name",
            _ when Find<HttpRequestException>(failure) is not null || Find<SocketException>(failure) is not null =>
                $"cannot reach {where} ({OneLine(Innermost(failure).Message)}); {StackHint}",
            AmazonClientException when failure.Message.Contains("credential", StringComparison.OrdinalIgnoreCase) =>
                $"no AWS credentials found; {StackHint}, or configure credentials for an account (AWS_PROFILE or AWS_ACCESS_KEY_ID)",
            AmazonServiceException { ErrorCode: "UnrecognizedClientException" or "InvalidSignatureException" or "ExpiredTokenException" or "AccessDeniedException" } denied =>
                $"{where} refused the request ({denied.ErrorCode}); check the AWS credentials and their rights on {name}, or {StackHint}",
            AmazonServiceException service => $"{where} answered {service.ErrorCode}: {OneLine(service.Message)}",
            AwsServiceException aws => $"{aws.ErrorCode}: {OneLine(aws.ErrorMessage)}",
            TimeoutException or OperationCanceledException { InnerException: TimeoutException } => $"{where} did not answer in time; {StackHint}",
            InvalidOperationException or FormatException or ArgumentException => OneLine(failure.Message),
            _ => $"{failure.GetType().Name}: {OneLine(failure.Message)}; run again with --verbose for the details",
        };
    }

    private static T? Find<T>(Exception? failure)
        where T : Exception
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception failure)
    {
        var current = failure;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }

    private static string OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "no message" : text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
