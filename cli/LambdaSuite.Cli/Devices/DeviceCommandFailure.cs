using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using IotRegistry;
using IotRegistry.Keys;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Cli.Devices;

/// <summary>
/// Turns what stops a devices command into one line: what happened and what to do. Only failures of the
/// environment (configuration, credentials, the key's secret, DynamoDB) are described; anything else is a bug and
/// keeps its exception.
/// </summary>
public static class DeviceCommandFailure
{
    /// <summary>Exit code of a command that could not run (as opposed to 1 refused or not found, 2 bad input).</summary>
    public const int ExitCode = 3;

    private const string StackHint = "for the local stack run ./suite stack up and eval \"$(./suite stack env)\"";

    public static bool TryDescribe(Exception failure, Func<string, string?> environment, out string line)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(environment);
        var endpoint = new AwsEndpointResolver(environment).ConfiguredEndpoint(AwsService.DynamoDb);
        var table = LambdaSuite.Data.Tables.TableCatalog.IotCatalog.ResolveName(environment);
        string? text = failure switch
        {
            ActivationKeyException key => $"{key.Message}",
            InvalidOperationException settings when settings.Message.Contains(IotRegistrySettings.ActivationCodeKeySecretArnVariable, StringComparison.Ordinal)
                || settings.Message.StartsWith("ACTIVATION_", StringComparison.Ordinal) => $"{settings.Message} {Capitalised(StackHint)}.",
            ResourceNotFoundException => $"the table {table} does not exist at {Where(endpoint)}; {StackHint} (it creates the tables), or set IOT_CATALOG_TABLE to the deployed table's name.",
            AmazonServiceException { ErrorCode: "UnrecognizedClientException" or "InvalidSignatureException" or "ExpiredTokenException" or "AccessDeniedException" } denied =>
                $"DynamoDB at {Where(endpoint)} refused the request ({denied.ErrorCode}); check the AWS credentials and their rights on {table}, or {StackHint}.",
            AmazonServiceException service when Innermost(service) is HttpRequestException unreachable =>
                $"DynamoDB at {Where(endpoint)} could not be reached ({OneLine(unreachable.Message)}); {StackHint}.",
            AmazonServiceException service => $"DynamoDB at {Where(endpoint)} answered {service.ErrorCode}: {OneLine(service.Message)}.",
            AmazonClientException client when client.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) =>
                $"no AWS credentials found for DynamoDB at {Where(endpoint)}; {StackHint}, or configure credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID) for the account.",
            AmazonClientException client when Innermost(client) is HttpRequestException unreachable =>
                $"DynamoDB at {Where(endpoint)} could not be reached ({OneLine(unreachable.Message)}); {StackHint}.",
            HttpRequestException unreachable => $"DynamoDB at {Where(endpoint)} could not be reached ({OneLine(unreachable.Message)}); {StackHint}.",
            AwsServiceException aws => $"{aws.ErrorCode}: {OneLine(aws.ErrorMessage)}.",
            _ => null,
        };
        line = text ?? string.Empty;
        return text is not null;
    }

    private static string Where(Uri? endpoint) => endpoint?.ToString() ?? "AWS (no AWS_ENDPOINT_URL_DYNAMODB set)";

    private static Exception Innermost(Exception failure)
    {
        var inner = failure;
        while (inner.InnerException is not null && inner is not HttpRequestException)
        {
            inner = inner.InnerException;
        }

        return inner;
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "no message" : text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
