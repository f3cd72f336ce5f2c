using LambdaProbe;
using LambdaSuite.Runtime;

return await LambdaHost.RunAsync(() => ProbeFunction.Create(Environment.GetEnvironmentVariable));
