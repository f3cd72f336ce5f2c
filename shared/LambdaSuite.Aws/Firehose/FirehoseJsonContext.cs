using System.Text.Json.Serialization;

namespace LambdaSuite.Aws.Firehose;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PutRecordBatchRequest))]
[JsonSerializable(typeof(PutRecordBatchResponse))]
internal sealed partial class FirehoseJsonContext : JsonSerializerContext;
