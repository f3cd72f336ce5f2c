using System.CommandLine;
using LambdaSuite.Harness;

namespace LambdaSuite.Demo;

/// <summary>
/// <c>suite demo</c> (run by <c>./suite demo</c> once the stack is up and the bootstraps are packaged): each
/// function's scene, end to end through its real AOT <c>bootstrap</c> against the local stack.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run every function end to end against the local stack (use ./suite demo, which sets it up).");
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var layout = RepositoryLayout.Discover();
            var failures = 0;
            failures += await SesFeedbackDemo.RunAsync(layout, output, ct).ConfigureAwait(false);
            failures += await IotRegistryDemo.RunAsync(layout, output, ct).ConfigureAwait(false);
            failures += await IotRegistryMqttScene.RunAsync(layout, output, ct).ConfigureAwait(false);
            failures += await DnsMirrorDemo.RunAsync(layout, output, ct).ConfigureAwait(false);
            failures += await FanoutDemo.RunAsync(layout, output, ct).ConfigureAwait(false);
            failures += await ChatRelayDemo.RunAsync(layout, output, ct).ConfigureAwait(false);
            await output.WriteLineAsync(failures == 0 ? "\ndemo: every scene ran as expected" : $"\ndemo: {failures} scene(s) did not behave as expected").ConfigureAwait(false);
            return failures == 0 ? 0 : 1;
        });
        return command;
    }
}
