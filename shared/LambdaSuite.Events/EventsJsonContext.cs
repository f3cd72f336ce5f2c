using System.Text.Json.Serialization;
using LambdaSuite.Events.Batch;
using LambdaSuite.Events.DynamoDb;
using LambdaSuite.Events.EventBridge;
using LambdaSuite.Events.Iot;
using LambdaSuite.Events.Sns;
using LambdaSuite.Events.Sqs;

namespace LambdaSuite.Events;

/// <summary>
/// Source-generated (AOT-safe) JSON for the messaging and stream events and the partial batch response. Unknown
/// fields are skipped so fields AWS adds later do not break parsing; nulls are left out when writing.
/// HTTP models have their own <see cref="Http.HttpEventJsonContext"/>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SnsEvent))]
[JsonSerializable(typeof(SnsMessage))]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(BatchItemFailuresResponse))]
[JsonSerializable(typeof(DynamoDbStreamEvent))]
[JsonSerializable(typeof(Dictionary<string, DynamoDbAttributeValue>))]
[JsonSerializable(typeof(EventBridgeEvent))]
[JsonSerializable(typeof(IotProvisioningHookRequest))]
[JsonSerializable(typeof(IotProvisioningHookResponse))]
public sealed partial class EventsJsonContext : JsonSerializerContext;
