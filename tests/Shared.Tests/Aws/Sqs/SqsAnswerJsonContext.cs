using System.Text.Json.Serialization;
using LambdaSuite.Aws.Sqs;

namespace Shared.Tests.Aws.Sqs;

/// <summary>The serializer's reading of a SendMessageBatch answer, as the client's full reader does it, for comparing the byte reader with.</summary>
[JsonSerializable(typeof(SendMessageBatchResponse))]
internal sealed partial class SqsAnswerJsonContext : JsonSerializerContext;
