using LambdaSuite.Runtime;

namespace LambdaSuite.TestKit.Runtime;

/// <summary>An <see cref="ILambdaFunction"/> made from a lambda, for host tests that need a handler with one behaviour.</summary>
public sealed class DelegateLambdaFunction(Func<ReadOnlyMemory<byte>, ILambdaContext, Task<byte[]>> handler) : ILambdaFunction
{
    public Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context) => handler(eventJson, context);
}
