namespace LambdaSuite.Runtime;

/// <summary>
/// Entry point of every function's <c>Program.cs</c>:
/// <c>return await LambdaHost.RunAsync(() => XFunction.Create(Environment.GetEnvironmentVariable));</c>.
/// It stands in for Amazon.Lambda.RuntimeSupport, which the registry here does not carry.
/// </summary>
public static class LambdaHost
{
    /// <summary>Exit code when <c>AWS_LAMBDA_RUNTIME_API</c> is not set, i.e. the process was not started by a Runtime API.</summary>
    public const int NoRuntimeApiExitCode = 2;

    public static Task<int> RunAsync(Func<ILambdaFunction> factory) =>
        RunAsync(factory, Environment.GetEnvironmentVariable, CancellationToken.None);

    public static async Task<int> RunAsync(Func<ILambdaFunction> factory, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(environment);

        var runtimeApi = environment(RuntimeApiHeaders.RuntimeApiEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(runtimeApi))
        {
            await Console.Error.WriteLineAsync($"{RuntimeApiHeaders.RuntimeApiEnvironmentVariable} is not set: this program is a Lambda custom runtime; run it with `./suite invoke`.").ConfigureAwait(false);
            return NoRuntimeApiExitCode;
        }

        using var client = new LambdaRuntimeApiClient(runtimeApi);
        var loop = new LambdaRuntimeLoop(client, LambdaFunctionSettings.FromEnvironment(environment), JsonLambdaLogger.FromEnvironment(environment), TimeProvider.System);
        return await loop.RunAsync(factory, cancellationToken).ConfigureAwait(false);
    }
}
