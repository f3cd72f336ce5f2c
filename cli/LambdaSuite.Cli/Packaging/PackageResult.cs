using LambdaSuite.Harness.Publishing;

namespace LambdaSuite.Cli.Packaging;

/// <summary>One packaged function: its architecture, bootstrap and zip, their sizes, and the publish's warnings.</summary>
public sealed record PackageResult(string Function, LambdaArchitecture Architecture, string BootstrapPath, long BootstrapBytes, string ZipPath, long ZipBytes, IReadOnlyList<string> Warnings, TimeSpan Elapsed);
