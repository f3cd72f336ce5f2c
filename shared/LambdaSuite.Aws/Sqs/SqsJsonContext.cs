using System.Text.Json.Serialization;

namespace LambdaSuite.Aws.Sqs;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(SendMessageResponse))]
[JsonSerializable(typeof(SendMessageBatchRequest))]
[JsonSerializable(typeof(SendMessageBatchResponse))]
[JsonSerializable(typeof(ReceiveMessageRequest))]
[JsonSerializable(typeof(ReceiveMessageResponse))]
[JsonSerializable(typeof(DeleteMessageBatchRequest))]
[JsonSerializable(typeof(DeleteMessageBatchResponse))]
internal sealed partial class SqsJsonContext : JsonSerializerContext;
