namespace LambdaSuite.TestKit.Emulator;

/// <summary>
/// The emulator a test process uses, read once from <c>SUITE_AWS_EMULATOR</c> (<c>native</c>, the default, or
/// <c>localstack</c>) and <c>SUITE_AWS_EMULATOR_IMAGE</c>, which <c>./suite test --emulator … --image …</c> set.
/// </summary>
public sealed record AwsEmulatorSettings(AwsEmulatorKind Kind, string? Image)
{
    public const string KindVariable = "SUITE_AWS_EMULATOR";

    public const string ImageVariable = "SUITE_AWS_EMULATOR_IMAGE";

    /// <summary>
    /// The newest LocalStack tag that runs without an account: Testcontainers' LocalStack module refuses 4.15 and
    /// later (and <c>latest</c>) unless <c>LOCALSTACK_AUTH_TOKEN</c> is set, which the fixture then passes on.
    /// </summary>
    public const string DefaultLocalStackImage = "localstack/localstack:4.14";

    /// <summary>The image scripts/stack/containers/build-moto-image.sh builds from this machine's own moto.</summary>
    public const string LocalMotoImage = "suite/moto:local";

    public static AwsEmulatorSettings Native { get; } = new(AwsEmulatorKind.Native, null);

    public static AwsEmulatorSettings FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var kind = environment(KindVariable)?.Trim();
        var image = environment(ImageVariable)?.Trim();
        if (string.IsNullOrEmpty(kind) || kind.Equals("native", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(image)
                ? Native
                : throw new InvalidOperationException($"{ImageVariable} is set but {KindVariable} is not localstack: an image is only used by the container path (`./suite test --emulator localstack --image {image}`).");
        }

        return kind.Equals("localstack", StringComparison.OrdinalIgnoreCase)
            ? new AwsEmulatorSettings(AwsEmulatorKind.LocalStack, string.IsNullOrEmpty(image) ? DefaultLocalStackImage : image)
            : throw new InvalidOperationException($"{KindVariable}={kind} names no AWS emulator: use native (the local stack's moto) or localstack (a container started through Testcontainers, {DefaultLocalStackImage} unless {ImageVariable} names another image such as {LocalMotoImage}).");
    }
}
