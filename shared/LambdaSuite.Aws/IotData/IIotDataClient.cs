namespace LambdaSuite.Aws.IotData;

/// <summary>The IoT Data operations the suite calls: the seam services take, so tests can pass a fake.</summary>
public interface IIotDataClient
{
    Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default);

    /// <summary>The same client with retries bounded by <paramref name="deadline"/>.</summary>
    IIotDataClient WithDeadline(DateTimeOffset deadline);
}
