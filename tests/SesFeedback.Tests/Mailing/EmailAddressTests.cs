using SesFeedback.Mailing;

namespace SesFeedback.Tests.Mailing;

public class EmailAddressTests
{
    [Theory]
    [InlineData("jane@example.com", "jane@example.com")]
    [InlineData("  Jane.Doe@Example.COM ", "jane.doe@example.com")]
    [InlineData("\"Jane Doe\" <Jane@Example.com>", "jane@example.com")]
    [InlineData("jane+news@example.com", "jane+news@example.com")]
    [InlineData("j.a.n.e@example.com", "j.a.n.e@example.com")]
    public void TryNormalize_ValidAddress_ReturnsCanonicalForm(string raw, string expected)
    {
        var ok = EmailAddress.TryNormalize(raw, out var address);

        Assert.True(ok);
        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("no-at-sign")]
    [InlineData("@example.com")]
    [InlineData("jane@")]
    [InlineData("jane doe@example.com")]
    [InlineData("jane@example..com")]
    [InlineData("jane@.example.com")]
    [InlineData("\"Jane\" <jane@example.com")]
    [InlineData("a@b.c, d@e.f")]
    public void TryNormalize_NotAnAddress_ReturnsFalse(string? raw)
    {
        var ok = EmailAddress.TryNormalize(raw, out _);

        Assert.False(ok);
    }

    [Fact]
    public void TryNormalize_LongerThanRfc5321Limit_ReturnsFalse()
    {
        var raw = new string('a', 250) + "@x.io";

        var ok = EmailAddress.TryNormalize(raw, out _);

        Assert.False(ok);
    }
}
