namespace LambdaSuite.TestKit.Runtime;

/// <summary>An event the stub hands out on <c>invocation/next</c>, with the response headers to send along.</summary>
public sealed record StubInvocation(byte[] Body, IReadOnlyDictionary<string, string> Headers);
