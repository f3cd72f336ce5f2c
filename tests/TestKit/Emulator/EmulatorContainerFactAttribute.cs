using Xunit;

namespace LambdaSuite.TestKit.Emulator;

/// <summary>
/// A fact about the emulator container: it runs only when the container path was asked for
/// (<c>./suite test --emulator localstack</c>, so a default run and CI never need Docker) and a Docker engine
/// answers; otherwise it is reported as skipped, with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EmulatorContainerFactAttribute : FactAttribute
{
    public EmulatorContainerFactAttribute()
    {
        var kind = Environment.GetEnvironmentVariable(AwsEmulatorSettings.KindVariable);
        if (!string.Equals(kind, "localstack", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"The emulator container runs only when asked for: `./suite test --emulator localstack [--image {AwsEmulatorSettings.LocalMotoImage}]` ({AwsEmulatorSettings.KindVariable}=localstack).";
            return;
        }

        if (DockerProbe.WhyUnusable() is { } reason)
        {
            Skip = "Docker is not usable here: " + reason;
        }
    }
}
