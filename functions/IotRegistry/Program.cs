using IotRegistry;
using LambdaSuite.Runtime;

return await LambdaHost.RunAsync(() => IotRegistryFunction.Create(Environment.GetEnvironmentVariable));
