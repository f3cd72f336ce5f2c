namespace LambdaSuite.Cli.Packaging;

/// <summary>One packaged function: its bootstrap and zip, their sizes, and the publish's warnings.</summary>
public sealed record PackageResult(string Function, string Framework, string BootstrapPath, long BootstrapBytes, string ZipPath, long ZipBytes, IReadOnlyList<string> Warnings, TimeSpan Elapsed);
