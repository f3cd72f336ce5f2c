using LambdaSuite.Harness.Moto;

namespace LambdaSuite.TestKit.Moto;

/// <summary>
/// The IoT Data publishes the stack's moto (or the emulator the fixture chose) received, read back through moto's
/// request recorder by the harness's one reader (<see cref="MotoRecording"/>, which says why that is the only way).
/// </summary>
public static class MotoIotData
{
    /// <summary>Turns moto's recorder on (idempotent); publishes made before this are not seen.</summary>
    public static Task StartRecordingAsync(CancellationToken cancellationToken = default) =>
        MotoRecording.StartAsync(LocalStack.Moto, cancellationToken);

    /// <summary>The Publish requests to <paramref name="topic"/> that moto recorded, in the order it received them.</summary>
    public static Task<IReadOnlyList<MotoIotPublish>> PublishedAsync(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        return MotoRecording.IotPublishesAsync(LocalStack.Moto, t => t == topic, cancellationToken: cancellationToken);
    }
}
