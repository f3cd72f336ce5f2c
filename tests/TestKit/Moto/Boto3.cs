using LambdaSuite.Harness.Moto;
using LambdaSuite.TestKit.Emulator;

namespace LambdaSuite.TestKit.Moto;

/// <summary>
/// boto3 as a second client that checks what the in-house clients wrote or read, pointed at the stack's moto or the
/// emulator container <see cref="AwsEmulator"/> chose; the harness's <see cref="Boto3Runner"/> runs the script.
/// </summary>
public static class Boto3
{
    /// <summary>Runs <paramref name="script"/> with <c>boto3</c> imported and returns what it printed.</summary>
    public static Task<string> RunAsync(string script, params (string Name, string Value)[] arguments) =>
        Boto3Runner.RunAsync(script, arguments, AwsEmulator.Shared.ApplyTo);
}
