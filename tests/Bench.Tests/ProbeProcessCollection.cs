using LambdaSuite.TestKit.Runtime;

namespace Bench.Tests;

/// <summary>Tests that start the real AOT probe share one published bootstrap (xunit wants the definition in this assembly).</summary>
[CollectionDefinition(Name)]
public sealed class ProbeProcessCollection : ICollectionFixture<ProbeBootstrapFixture>
{
    public const string Name = "Probe process";
}
