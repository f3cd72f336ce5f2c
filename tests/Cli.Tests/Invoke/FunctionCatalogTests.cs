using LambdaProbe;
using LambdaSuite.Cli.Invoke;

namespace Cli.Tests.Invoke;

public sealed class FunctionCatalogTests
{
    [Fact]
    public void Default_ListsTheFiveFunctionsWithTheirFolders()
    {
        var names = FunctionCatalog.Default.Functions.Select(f => $"{f.Name}:{f.ProjectFolder}").Order();

        Assert.Equal(["ChatRelay:functions/ChatRelay", "DnsMirror:functions/DnsMirror", "Fanout:functions/Fanout", "IotRegistry:functions/IotRegistry", "SesFeedback:functions/SesFeedback"], names);
    }

    [Fact]
    public void Find_NameInOtherCase_FindsEntry()
    {
        var entry = FunctionCatalog.Default.Find("fanout");

        Assert.Equal("Fanout", entry.Name);
    }

    [Fact]
    public void Find_UnknownName_ThrowsListingKnownNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => FunctionCatalog.Default.Find("Nope"));

        Assert.Contains("Nope", ex.Message);
        Assert.Contains("SesFeedback", ex.Message);
    }

    [Fact]
    public void With_TestFunction_AddsItAndKeepsOthers()
    {
        var catalog = FunctionCatalog.Default.With(new FunctionEntry("LambdaProbe", "tests/LambdaProbe", ProbeFunction.Create));

        Assert.True(catalog.TryFind("LambdaProbe", out var probe));
        Assert.NotNull(probe.CreateInProcess);
        Assert.Equal(6, catalog.Functions.Count);
    }
}
