using System.Globalization;

namespace LambdaSuite.Runtime;

/// <summary>
/// The function-wide facts Lambda publishes as environment variables, read once at init. Defaults describe a
/// local run (no Lambda around), so the host works unchanged under <c>./suite invoke</c>.
/// </summary>
public sealed record LambdaFunctionSettings(
    string FunctionName,
    string FunctionVersion,
    int MemoryLimitInMB,
    string LogGroupName,
    string LogStreamName)
{
    public const string LocalFunctionName = "local-function";

    /// <summary>Lambda's default memory size, used when AWS_LAMBDA_FUNCTION_MEMORY_SIZE is absent or not a number.</summary>
    public const int DefaultMemoryLimitInMB = 128;

    public static LambdaFunctionSettings FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var name = NonEmpty(environment("AWS_LAMBDA_FUNCTION_NAME")) ?? LocalFunctionName;
        var memory = int.TryParse(environment("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : DefaultMemoryLimitInMB;
        return new LambdaFunctionSettings(
            name,
            NonEmpty(environment("AWS_LAMBDA_FUNCTION_VERSION")) ?? "$LATEST",
            memory,
            NonEmpty(environment("AWS_LAMBDA_LOG_GROUP_NAME")) ?? "/aws/lambda/" + name,
            NonEmpty(environment("AWS_LAMBDA_LOG_STREAM_NAME")) ?? "local");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
