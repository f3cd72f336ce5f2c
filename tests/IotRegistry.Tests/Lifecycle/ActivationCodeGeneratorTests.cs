using IotRegistry.Lifecycle;

namespace IotRegistry.Tests.Lifecycle;

public sealed class ActivationCodeGeneratorTests
{
    [Fact]
    public void NewCode_ManyCodes_GroupedFromTheUnambiguousAlphabetAndAllDifferent()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => ActivationCodeGenerator.NewCode()).ToList();

        Assert.All(codes, c => Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", c));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.True(global::IotRegistry.Input.DeviceFieldRules.ActivationCode.IsAllowed(c)));
    }
}
