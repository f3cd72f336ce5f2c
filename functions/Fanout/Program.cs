using Fanout;
using LambdaSuite.Runtime;

return await LambdaHost.RunAsync(() => FanoutFunction.Create(Environment.GetEnvironmentVariable));
