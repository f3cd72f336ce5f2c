namespace LambdaSuite.Runtime;

/// <summary>
/// A Lambda function as the runtime host sees it: the event's JSON bytes in, the response's JSON bytes out.
/// Functions that accept several event shapes (SNS, SQS, ALB, ...) implement this directly and detect the
/// shape; single-shape functions use <see cref="JsonLambdaFunction{TEvent, TResponse}"/>.
/// </summary>
public interface ILambdaFunction
{
    /// <summary>Handles one invocation. Throwing reports an invocation error; the host keeps running.</summary>
    Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context);
}
