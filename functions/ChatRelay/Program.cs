using ChatRelay;
using LambdaSuite.Runtime;

return await LambdaHost.RunAsync(() => ChatRelayFunction.Create(Environment.GetEnvironmentVariable));
