using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LambdaSuite.Runtime;

/// <summary>
/// Adapts a typed handler to <see cref="ILambdaFunction"/>: the event is read and the response written through
/// source-generated <see cref="JsonTypeInfo{T}"/>s (no reflection, AOT-safe). An event that does not fit
/// <typeparamref name="TEvent"/> becomes a <see cref="LambdaEventException"/> saying where it went wrong.
/// </summary>
public sealed class JsonLambdaFunction<TEvent, TResponse> : ILambdaFunction
{
    private readonly Func<TEvent, ILambdaContext, Task<TResponse>> _handler;
    private readonly JsonTypeInfo<TEvent> _eventType;
    private readonly JsonTypeInfo<TResponse> _responseType;

    public JsonLambdaFunction(Func<TEvent, ILambdaContext, Task<TResponse>> handler, JsonTypeInfo<TEvent> eventType, JsonTypeInfo<TResponse> responseType)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(responseType);
        _handler = handler;
        _eventType = eventType;
        _responseType = responseType;
    }

    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lambdaEvent = ReadEvent(eventJson.Span);
        var response = await _handler(lambdaEvent, context).ConfigureAwait(false);
        return JsonSerializer.SerializeToUtf8Bytes(response, _responseType);
    }

    private TEvent ReadEvent(ReadOnlySpan<byte> eventJson)
    {
        TEvent? lambdaEvent;
        try
        {
            lambdaEvent = JsonSerializer.Deserialize(eventJson, _eventType);
        }
        catch (JsonException ex)
        {
            throw new LambdaEventException(
                $"The event is not a valid {_eventType.Type.Name}: {ex.Message} (path {ex.Path ?? "$"}, line {ex.LineNumber}, byte {ex.BytePositionInLine}).",
                ex);
        }

        return lambdaEvent ?? throw new LambdaEventException($"The event is JSON null; expected a {_eventType.Type.Name}.");
    }
}
