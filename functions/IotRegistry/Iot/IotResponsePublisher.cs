using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.IotData;
using LambdaSuite.Runtime;

namespace IotRegistry.Iot;

/// <summary>
/// Publishes an IoT door's result to the device's response topic (<see cref="ResponseTopic"/>) through IoT Data,
/// QoS 1 so the broker holds it for a device's persistent session. The answer is a courtesy to the device: the
/// write it reports is already committed, so a failed publish is logged (topic and error, never the payload) and
/// does not fail the invocation; failing it would make Lambda retry, and the retry would answer 409.
/// </summary>
internal sealed class IotResponsePublisher
{
    /// <summary>How long one answer may take, retries included; the function's 10 s are for the write.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    private readonly IIotDataClient _client;
    private readonly TimeProvider _time;

    public IotResponsePublisher(IIotDataClient client, string topicPrefix, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(topicPrefix);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        TopicPrefix = topicPrefix;
        _time = time;
    }

    public string TopicPrefix { get; }

    /// <summary>The publisher the settings ask for, or null when no topic prefix is set (said once, on <paramref name="initLog"/>).</summary>
    public static IotResponsePublisher? Create(IotRegistrySettings settings, AwsClientFactory aws, ILambdaLogger initLog, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(initLog);
        if (settings.ResponseTopicPrefix is not { } prefix)
        {
            initLog.Log(LambdaLogLevel.Information, "iot response topics off", [new("reason", IotRegistrySettings.Variables.TopicPrefix + " is not set")]);
            return null;
        }

        return new IotResponsePublisher(aws.CreateIotData(settings.IotDataEndpoint), prefix, time);
    }

    /// <summary>Publishes <paramref name="payload"/> (the result as the function answers it); returns the topic, or null when nothing was published.</summary>
    public async Task<string?> PublishAsync(IotResult result, ReadOnlyMemory<byte> payload, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        if (!ResponseTopic.TryBuild(TopicPrefix, result, out var topic))
        {
            return null;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        budget.CancelAfter(Budget);
        try
        {
            var request = new PublishRequest { Topic = topic, Qos = 1, Payload = payload, ContentType = "application/json" };
            await _client.WithDeadline(_time.GetUtcNow() + Budget).PublishAsync(request, budget.Token).ConfigureAwait(false);
            context.Logger.Log(LambdaLogLevel.Debug, "iot response published", [new("topic", topic)]);
            return topic;
        }
        catch (Exception failure) when (failure is not OperationCanceledException || budget.IsCancellationRequested)
        {
            // Only the error's type and message: an AWS error message names the request, never our payload.
            context.Logger.Log(
                LambdaLogLevel.Warning,
                "iot response not published; the result stands",
                [new("topic", topic), new("error", failure.GetType().Name + ": " + failure.Message)]);
            return null;
        }
    }
}
