using System.Globalization;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Data.Devices;
using LambdaSuite.Data.Tables;

namespace IotRegistry;

/// <summary>
/// IotRegistry's settings, read once at init by <see cref="Read"/>. Every value has a default that works against
/// the local stack; the function's README lists them. The activation-code key lives in a Secrets Manager secret whose ARN
/// <c>ACTIVATION_CODE_KEY_SECRET_ARN</c> names (never in an environment variable: anyone allowed to read the
/// function's configuration would read it). Without that variable the function uses a public development key, and
/// refuses to start unless DynamoDB is a configured local endpoint (<c>AWS_ENDPOINT_URL_DYNAMODB</c> or
/// <c>AWS_ENDPOINT_URL</c>), so it never hashes codes for a real table under a known key. The check looks at the
/// endpoint, not at <c>AWS_LAMBDA_FUNCTION_NAME</c>, because local runners set that variable too.
/// </summary>
/// <param name="ActivationCodeKeySecretArn">The secret's ARN; null means the development key (local stack only).</param>
/// <param name="ActivationCodeKeySecretRegion">The region the ARN names, where the secret must be read.</param>
public sealed record IotRegistrySettings(string TableName, string? ActivationCodeKeySecretArn, string? ActivationCodeKeySecretRegion, DeviceLockoutPolicy Lockout)
{
    public const int MinimumKeyBytes = 32;

    /// <summary>The local-stack key when no secret is named. Public, so worthless as a secret.</summary>
    public const string DevelopmentKey = "iot-registry-local-development-key-do-not-use-in-production";

    public bool UsesDevelopmentKey => ActivationCodeKeySecretArn is null;

    public static IotRegistrySettings Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var arn = environment(Variables.ActivationCodeKeySecretArn)?.Trim();
        string? region = null;
        if (string.IsNullOrEmpty(arn))
        {
            arn = null;
            // Only a DynamoDB on this machine counts as a local stack: a configured endpoint can also be a FIPS or VPC
            // endpoint of the real service, where the public development key must never hash codes.
            if (new AwsEndpointResolver(environment).ConfiguredEndpoint(AwsService.DynamoDb) is not { IsLoopback: true })
            {
                throw new InvalidOperationException(
                    $"{Variables.ActivationCodeKeySecretArn} is not set: outside a local stack (a DynamoDB endpoint on this machine) the function needs the ARN of the Secrets Manager secret holding the activation-code key (the development default is public).");
            }
        }
        else
        {
            region = SecretRegion(arn);
        }

        var maxFailed = ReadInteger(environment, Variables.MaxFailedAttempts, DeviceLockoutPolicy.Default.MaxFailedAttempts, 1, 1000);
        var windowSeconds = ReadInteger(environment, Variables.LockoutWindow, (int)DeviceLockoutPolicy.Default.Window.TotalSeconds, 1, 7 * 24 * 3600);
        return new IotRegistrySettings(
            TableCatalog.IotCatalog.ResolveName(environment),
            arn,
            region,
            new DeviceLockoutPolicy(maxFailed, TimeSpan.FromSeconds(windowSeconds)))
        {
            ResponseTopicPrefix = ReadTopicPrefix(environment),
            BindProvisionedCertificate = ReadBoolean(environment, Variables.ProvisioningBindCertificate),
            IotDataEndpoint = ReadIotDataEndpoint(environment),
        };
    }

    /// <summary>
    /// The prefix of the devices' topics (the template's <c>IotTopicPrefix</c>); results go to
    /// <c>{prefix}/{serial}/{operation}/accepted|rejected</c>. Null: no answers are published.
    /// </summary>
    public string? ResponseTopicPrefix { get; init; }

    /// <summary>The account's IoT data endpoint host (<c>aws iot describe-endpoint --endpoint-type iot:Data-ATS</c>); null: the region's <c>data-ats.iot</c> endpoint.</summary>
    public string? IotDataEndpoint { get; init; }

    /// <summary>
    /// True: the fleet-provisioning hook binds the new certificate's id to a device that has none (conditional,
    /// with a history line); false (the default): it only checks the device.
    /// </summary>
    public bool BindProvisionedCertificate { get; init; }

    private static bool ReadBoolean(Func<string, string?> environment, string variable)
    {
        var text = environment(variable)?.Trim();
        return string.IsNullOrEmpty(text) ? false
            : text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
            : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
            : throw new InvalidOperationException($"{variable} must be 'true' or 'false', not '{text}'.");
    }

    /// <summary>One topic level of the template's alphabet: no '/', '+', '#' or '$', so the prefix cannot widen or move the topics.</summary>
    private static string? ReadTopicPrefix(Func<string, string?> environment)
    {
        var text = environment(Variables.TopicPrefix)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length <= 64 && text.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? text
            : throw new InvalidOperationException(
                $"{Variables.TopicPrefix} must be one MQTT topic level of 1 to 64 letters, digits, '_' or '-' (as the template's IotTopicPrefix), not '{text}'; leave it empty to publish no answers.");
    }

    private static string? ReadIotDataEndpoint(Func<string, string?> environment)
    {
        var text = environment(Variables.IotDataEndpoint)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length <= 253 && text.Contains('.', StringComparison.Ordinal) && text.All(static c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
            ? text
            : throw new InvalidOperationException(
                $"{Variables.IotDataEndpoint} must be a host name such as abcd1234-ats.iot.eu-west-1.amazonaws.com (from `aws iot describe-endpoint --endpoint-type iot:Data-ATS`), not '{text}'.");
    }

    /// <summary>The region of <c>arn:{partition}:secretsmanager:{region}:{account}:secret:{name}</c>; anything else is refused.</summary>
    private static string SecretRegion(string arn)
    {
        var parts = arn.Split(':', 7);
        return parts.Length == 7 && parts[0] == "arn" && parts[2] == "secretsmanager" && parts[3].Length > 0 && parts[5] == "secret" && parts[6].Length > 0
            ? parts[3]
            : throw new InvalidOperationException(
                $"{Variables.ActivationCodeKeySecretArn} must be a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME), not '{arn}'.");
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

    /// <summary>The environment variables <see cref="Read"/> looks at, named once here (serverless.template sets exactly <see cref="All"/>; a template test holds it to that).</summary>
    public static class Variables
    {
        /// <summary>The device catalog table's name (default <c>iotCatalog</c>); the name lives with the table's definition.</summary>
        public static string Table => TableCatalog.IotCatalog.EnvironmentVariable;

        /// <summary>The Secrets Manager secret holding the activation-code key (default none: the public development key, local stack only).</summary>
        public const string ActivationCodeKeySecretArn = "ACTIVATION_CODE_KEY_SECRET_ARN";

        /// <summary>Wrong codes within the window that lock a device (default 5).</summary>
        public const string MaxFailedAttempts = "ACTIVATION_MAX_FAILED_ATTEMPTS";

        /// <summary>The lockout window in seconds (default 900).</summary>
        public const string LockoutWindow = "ACTIVATION_LOCKOUT_WINDOW_SECONDS";

        /// <summary>The devices' topic prefix; set, results are published to the devices' response topics (default none: not published).</summary>
        public const string TopicPrefix = "IOT_TOPIC_PREFIX";

        /// <summary>The account's IoT data endpoint host (default none: the region's data-ats.iot endpoint); <c>AWS_ENDPOINT_URL_IOT_DATA_PLANE</c> overrides it.</summary>
        public const string IotDataEndpoint = "IOT_DATA_ENDPOINT";

        /// <summary>Whether the fleet-provisioning hook binds the new certificate to the device (default false).</summary>
        public const string ProvisioningBindCertificate = "PROVISIONING_BIND_CERTIFICATE";

        public static IReadOnlyList<string> All { get; } = [Table, ActivationCodeKeySecretArn, MaxFailedAttempts, LockoutWindow, TopicPrefix, IotDataEndpoint, ProvisioningBindCertificate];
    }
}
