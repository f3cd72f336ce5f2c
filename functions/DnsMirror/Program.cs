using DnsMirror;
using LambdaSuite.Runtime;

return await LambdaHost.RunAsync(() => DnsMirrorFunction.Create(Environment.GetEnvironmentVariable));
