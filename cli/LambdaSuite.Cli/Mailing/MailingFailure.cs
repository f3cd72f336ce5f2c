using System.Net.Http;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Data.Tables;
using SesFeedback.Feedback;

namespace LambdaSuite.Cli.Mailing;

/// <summary>
/// Turns what can go wrong in a mailing command into one line saying what happened and what to do, for a user
/// who may not have the local stack running (issue 19, item 18). The stack trace is printed only with --verbose.
/// </summary>
public static class MailingFailure
{
    /// <summary>Exit code of a command that could not do its work (2 is a usage error, 1 "not found").</summary>
    public const int ExitCode = 3;

    public const string StackHint = "for the local stack run ./suite stack up (./suite then uses its endpoints)";

    public static string Describe(Exception error, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(environment);
        var endpoint = new AwsEndpointResolver(environment).ConfiguredEndpoint(AwsService.DynamoDb);
        var where = endpoint is null ? "AWS's DynamoDB endpoint" : $"DynamoDB at {endpoint.GetLeftPart(UriPartial.Authority)}";
        var table = TableCatalog.Mailing.ResolveName(environment);
        return error switch
        {
            InvalidFeedbackException invalid => invalid.Message,
            ResourceNotFoundException => $"table '{table}' does not exist at {where}; {StackHint} (it creates the table), or set MAILING_TABLE to the table's name",
            _ when Find<HttpRequestException>(error) is not null || Find<SocketException>(error) is not null =>
                $"cannot reach {where} ({Innermost(error).Message.TrimEnd('.')}); {(endpoint is null ? StackHint : "is the local stack running? Start it with ./suite stack up")}",
            AmazonClientException when error.Message.Contains("credential", StringComparison.OrdinalIgnoreCase) =>
                $"no AWS credentials found; {StackHint}, or configure credentials for a real account (AWS_PROFILE or AWS_ACCESS_KEY_ID)",
            AmazonServiceException service => $"{where} refused the request ({service.ErrorCode}): {service.Message.TrimEnd('.')}",
            OperationCanceledException => "cancelled before the command finished",
            InvalidOperationException or FormatException or ArgumentException => error.Message,
            _ => $"{error.GetType().Name}: {error.Message.TrimEnd('.')}; run again with --verbose for the details",
        };
    }

    private static T? Find<T>(Exception? error)
        where T : Exception
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception error)
    {
        var current = error;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }
}
