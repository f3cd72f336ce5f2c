using DnsMirror;
using LambdaSuite.Runtime;

// Before any run allocates: the settings shape arenas and blocks made from here on.
if (!NativeHeap.Tune() && OperatingSystem.IsLinux())
{
    await Console.Error.WriteLineAsync("glibc's heap settings were not applied (is this glibc?): native memory may climb over warm runs").ConfigureAwait(false);
}

return await LambdaHost.RunAsync(() => DnsMirrorFunction.Create(Environment.GetEnvironmentVariable));
