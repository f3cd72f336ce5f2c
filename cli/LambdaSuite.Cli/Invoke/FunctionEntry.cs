using LambdaSuite.Runtime;

namespace LambdaSuite.Cli.Invoke;

/// <summary>A function the CLI can build, package, invoke and measure.</summary>
/// <param name="Name">Function name = folder = assembly name (the packaged file is renamed to <c>bootstrap</c>).</param>
/// <param name="ProjectFolder">Project folder relative to the repository root.</param>
/// <param name="CreateInProcess">The function's <c>Create(environment)</c> factory for <c>invoke --in-process</c>; null while the function has none.</param>
public sealed record FunctionEntry(string Name, string ProjectFolder, Func<Func<string, string?>, ILambdaFunction>? CreateInProcess);
