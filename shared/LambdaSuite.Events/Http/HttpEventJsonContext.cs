using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

/// <summary>
/// Source-generated (AOT-safe) JSON for the ALB and API Gateway request/response models. Unknown fields are
/// skipped, so new fields AWS adds do not break parsing; nulls are left out of responses.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlbRequest))]
[JsonSerializable(typeof(AlbResponse))]
[JsonSerializable(typeof(ApiGatewayProxyRequest))]
[JsonSerializable(typeof(ApiGatewayProxyResponse))]
[JsonSerializable(typeof(ApiGatewayHttpApiRequest))]
[JsonSerializable(typeof(ApiGatewayHttpApiResponse))]
public sealed partial class HttpEventJsonContext : JsonSerializerContext;
