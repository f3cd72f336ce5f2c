using DnsMirror;
using LambdaSuite.Runtime;

// Before any run allocates: the settings shape arenas and blocks made from here on.
NativeHeap.Tune();
return await LambdaHost.RunAsync(() => DnsMirrorFunction.Create(Environment.GetEnvironmentVariable));
