using Fanout.Delivery;
using LambdaSuite.Aws.IotData;

namespace Fanout.Targets;

/// <summary>IoT Data Publish of each entry to the mapping's topic, with its QoS.</summary>
internal sealed class IotSender(IotDataClient client, string topic, int qos) : PerEntrySender
{
    protected override Task SendOneAsync(OutgoingMessage entry, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        client.WithDeadline(deadline).PublishAsync(new PublishRequest { Topic = topic, Qos = qos, Payload = entry.Body }, cancellationToken);
}
