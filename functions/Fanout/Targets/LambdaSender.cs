using System.Text;
using Fanout.Delivery;
using LambdaSuite.Aws.Lambda;

namespace Fanout.Targets;

/// <summary>
/// Asynchronous Invoke (<c>InvocationType: Event</c>) per entry. Lambda takes only JSON payloads: a JSON body goes as
/// is, any other as <c>{"data":"&lt;base64&gt;","id":"&lt;idempotency key&gt;"}</c>.
/// </summary>
internal sealed class LambdaSender(LambdaClient client, string functionName) : PerEntrySender
{
    protected override async Task SendOneAsync(OutgoingMessage entry, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var payload = MessageBuilder.IsJson(entry.Body.Span)
            ? entry.Body
            : Encoding.UTF8.GetBytes($"{{\"data\":\"{Convert.ToBase64String(entry.Body.Span)}\",\"id\":\"{entry.IdempotencyKey}\"}}");
        var response = await client.WithDeadline(deadline).InvokeAsync(
            new InvokeRequest { FunctionName = functionName, InvocationType = InvocationType.Event, Payload = payload },
            cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != 202)
        {
            throw new FormatException($"Asynchronous Invoke answered {response.StatusCode}, not 202.");
        }
    }
}
