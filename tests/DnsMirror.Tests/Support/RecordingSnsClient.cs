using LambdaSuite.Aws.Sns;

namespace DnsMirror.Tests.Support;

/// <summary>An SNS client that keeps what it was asked to publish and answers with <see cref="Answer"/> (which may throw).</summary>
internal sealed class RecordingSnsClient : ISnsClient
{
    public List<PublishRequest> Published { get; } = [];

    public List<DateTimeOffset> Deadlines { get; } = [];

    public Func<PublishRequest, PublishResponse> Answer { get; set; } = _ => new PublishResponse { MessageId = "m-1" };

    public Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        Published.Add(request);
        return Task.FromResult(Answer(request));
    }

    public Task<PublishBatchResponse> PublishBatchAsync(PublishBatchRequest request, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("DnsMirror's alert publishes one message at a time.");

    public Task<PublishBatchResponse> PublishBatchAsync(PublishBatchBody body, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("DnsMirror's alert publishes one message at a time.");

    public ISnsClient WithDeadline(DateTimeOffset deadline)
    {
        Deadlines.Add(deadline);
        return this;
    }
}
