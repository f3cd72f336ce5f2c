using System.Globalization;
using System.Text;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Data.Devices;
using LambdaSuite.Data.Tables;

namespace IotRegistry;

/// <summary>
/// IotRegistry's configuration, read once from the environment. Every value has a default that works against
/// the local stack. The activation code key's default is public and only for local use: production sets
/// <c>ACTIVATION_CODE_KEY</c> (at least 32 bytes, e.g. a Secrets Manager dynamic reference in the template). Without
/// it the function refuses to start unless DynamoDB is a configured local endpoint (<c>AWS_ENDPOINT_URL_DYNAMODB</c>
/// or <c>AWS_ENDPOINT_URL</c>), so it never hashes codes for a real table under a known key. The check looks at the
/// endpoint, not at <c>AWS_LAMBDA_FUNCTION_NAME</c>, because local runners set that variable too.
/// </summary>
public sealed record IotRegistrySettings(string TableName, byte[] ActivationCodeKey, bool UsesDevelopmentKey, DeviceLockoutPolicy Lockout)
{
    public const string ActivationCodeKeyVariable = "ACTIVATION_CODE_KEY";
    public const string MaxFailedAttemptsVariable = "ACTIVATION_MAX_FAILED_ATTEMPTS";
    public const string LockoutWindowVariable = "ACTIVATION_LOCKOUT_WINDOW_SECONDS";
    public const int MinimumKeyBytes = 32;

    /// <summary>Local-stack default for <see cref="ActivationCodeKeyVariable"/>. Public, so worthless as a secret.</summary>
    public const string DevelopmentKey = "iot-registry-local-development-key-do-not-use-in-production";

    public static IotRegistrySettings FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var configuredKey = environment(ActivationCodeKeyVariable);
        var usesDevelopmentKey = string.IsNullOrEmpty(configuredKey);
        if (usesDevelopmentKey && new AwsEndpointResolver(environment).ConfiguredEndpoint(AwsService.DynamoDb) is null)
        {
            throw new InvalidOperationException(
                $"{ActivationCodeKeyVariable} must be set when the function talks to DynamoDB in AWS; the development default is public.");
        }

        var key = Encoding.UTF8.GetBytes(usesDevelopmentKey ? DevelopmentKey : configuredKey!);
        if (key.Length < MinimumKeyBytes)
        {
            throw new InvalidOperationException($"{ActivationCodeKeyVariable} must hold at least {MinimumKeyBytes} bytes.");
        }

        var maxFailed = ReadInteger(environment, MaxFailedAttemptsVariable, DeviceLockoutPolicy.Default.MaxFailedAttempts, 1, 1000);
        var windowSeconds = ReadInteger(environment, LockoutWindowVariable, (int)DeviceLockoutPolicy.Default.Window.TotalSeconds, 1, 7 * 24 * 3600);
        return new IotRegistrySettings(
            TableCatalog.IotCatalog.ResolveName(environment),
            key,
            usesDevelopmentKey,
            new DeviceLockoutPolicy(maxFailed, TimeSpan.FromSeconds(windowSeconds)));
    }

    private static int ReadInteger(Func<string, string?> environment, string variable, int fallback, int min, int max)
    {
        var text = environment(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{variable} must be an integer from {min} to {max}, not '{text}'.");
    }
}
