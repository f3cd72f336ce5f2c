using ChatRelay.Input;

namespace ChatRelay.Tests.Input;

public sealed class HipChatColorsTests
{
    [Theory]
    [InlineData("yellow", "#f5c400")]
    [InlineData("GREEN", "#2eb67d")]
    [InlineData("red", "#e01e5a")]
    [InlineData("purple", "#8e44ad")]
    [InlineData("gray", "#9e9e9e")]
    [InlineData("grey", "#9e9e9e")]
    public void TryParse_HipChatColour_SlackHex(string name, string hex)
    {
        var known = HipChatColors.TryParse(name, _ => 0, out var color);

        Assert.True(known);
        Assert.Equal(hex, HipChatColors.Hex(color));
    }

    [Fact]
    public void TryParse_Random_EachConcreteColourReachable()
    {
        var seen = new HashSet<HipChatColor>();

        for (var i = 0; i < 5; i++)
        {
            Assert.True(HipChatColors.TryParse("random", _ => i, out var color));
            seen.Add(color);
        }

        Assert.Equal(5, seen.Count);
    }

    [Fact]
    public void TryParse_UnknownColour_False()
    {
        var known = HipChatColors.TryParse("blue", _ => 0, out _);

        Assert.False(known);
    }
}
