using LambdaSuite.TestKit.Runtime;

namespace Cli.Tests.Runtime;

/// <summary>Tests that start the real AOT probe share one published bootstrap.</summary>
[CollectionDefinition(Name)]
public sealed class ProbeProcessCollection : ICollectionFixture<ProbeBootstrapFixture>
{
    public const string Name = "Probe process";
}
