using System.Buffers;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;

namespace LambdaSuite.Harness.Iot;

/// <summary>
/// A simulated device speaking MQTT 5 to the stack's mosquitto with its own client certificate: it subscribes to its
/// answer topics (<c>prefix/SERIAL/+/+</c>) at connect, publishes on its register and activate topics (or any topic,
/// to try what the ACL allows) and hands out the answers in the order they came.
/// </summary>
public sealed class MqttDevice : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly Channel<DeviceAnswer> _answers = Channel.CreateUnbounded<DeviceAnswer>();
    private readonly string _topicPrefix;

    private MqttDevice(IMqttClient client, string topicPrefix, string serialNumber)
    {
        _client = client;
        _topicPrefix = topicPrefix;
        SerialNumber = serialNumber;
    }

    /// <summary>The serial number its certificate names (CN), whose topics it may use.</summary>
    public string SerialNumber { get; }

    public string RegisterTopic => $"{_topicPrefix}/{SerialNumber}/register";

    public string ActivateTopic => $"{_topicPrefix}/{SerialNumber}/activate";

    public static async Task<MqttDevice> ConnectAsync(MqttStack stack, DeviceCertificate certificate, string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(certificate);
        var client = new MqttClientFactory().CreateMqttClient();
        var device = new MqttDevice(client, stack.TopicPrefix, certificate.SerialNumber);
        client.ApplicationMessageReceivedAsync += e =>
        {
            device._answers.Writer.TryWrite(new DeviceAnswer(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        try
        {
            using var identity = certificate.LoadWithKey();
            await client.ConnectAsync(stack.ClientOptions(identity, clientId), cancellationToken).ConfigureAwait(false);
            var filter = $"{stack.TopicPrefix}/{certificate.SerialNumber}/+/+";
            var subscribed = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken).ConfigureAwait(false);
            if (subscribed.Items.Single().ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            {
                throw new InvalidOperationException($"The broker refused device {certificate.SerialNumber} its answer topics {filter} ({subscribed.Items.Single().ResultCode}).");
            }

            return device;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Publishes with QoS 1 and returns the broker's PUBACK (MQTT 5 carries "not authorized" there).</summary>
    public Task<MqttClientPublishResult> PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);

    /// <summary>The next answer, or null when none came within <paramref name="timeout"/>.</summary>
    public async Task<DeviceAnswer?> NextAnswerAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await _answers.Reader.ReadAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }

        _client.Dispose();
    }
}
