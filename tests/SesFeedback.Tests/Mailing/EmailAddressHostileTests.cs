using SesFeedback.Mailing;

namespace SesFeedback.Tests.Mailing;

/// <summary>Issue 19, items 3 and 13: an address must never be read as a different mailbox.</summary>
public class EmailAddressHostileTests
{
    [Theory]
    [InlineData("\"<victim1@v.example>\"@evil.example", "\"<victim1@v.example>\"@evil.example")]
    [InlineData("\"attacker<victim3@v.example>\"@evil.example", "\"attacker<victim3@v.example>\"@evil.example")]
    public void TryNormalize_AngleBracketsInsideQuotedLocalPart_KeepsTheWholeAddress(string raw, string expected)
    {
        var ok = EmailAddress.TryNormalize(raw, out var address);

        Assert.True(ok);
        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData("attacker@evil.example (<victim2@v.example>)")]
    [InlineData("(<victim2@v.example>) attacker@evil.example")]
    [InlineData("Eve <eve@evil.example> <victim@v.example>")]
    [InlineData("<victim@v.example> trailing@evil.example")]
    [InlineData("\"Eve <victim@v.example>")]
    [InlineData("Eve (comment <victim@v.example>")]
    [InlineData("Eve@evil.example <victim@v.example>")]
    [InlineData("victim@v.example>")]
    public void TryNormalize_FabricatedAngleBrackets_RefusesWithAReason(string raw)
    {
        var ok = EmailAddress.TryNormalize(raw, out var address, out var refusal);

        Assert.False(ok);
        Assert.Equal("", address);
        Assert.False(string.IsNullOrWhiteSpace(refusal));
    }

    [Theory]
    [InlineData("\"Doe, Jane\" <Jane@Example.com>", "jane@example.com")]
    [InlineData("John Q. Public <JQP@example.com>", "jqp@example.com")]
    [InlineData("<jane@example.com>", "jane@example.com")]
    [InlineData("  \"Jane \\\"JD\\\" Doe\" <jane@example.com>  ", "jane@example.com")]
    [InlineData("\"quoted\\\\slash\"@example.com", "\"quoted\\\\slash\"@example.com")]
    public void TryNormalize_RealTrailingNameAddr_Unwraps(string raw, string expected)
    {
        var ok = EmailAddress.TryNormalize(raw, out var address);

        Assert.True(ok);
        Assert.Equal(expected, address);
    }

    [Fact]
    public void TryNormalize_KelvinSign_IsNotFoldedToK()
    {
        var ok = EmailAddress.TryNormalize("\u212Aate@v.example", out var address);

        Assert.True(ok);
        Assert.NotEqual("kate@v.example", address);
        Assert.Equal("\u212Aate@v.example", address);
    }

    [Theory]
    [InlineData("\u0130stanbul@v.example", "\u0130stanbul@v.example")]
    [InlineData("J\u00F6rg@V.example", "j\u00F6rg@v.example")]
    public void TryNormalize_NonAsciiLetters_AreKeptAsSentOnlyAsciiIsLowerCased(string raw, string expected)
    {
        var ok = EmailAddress.TryNormalize(raw, out var address);

        Assert.True(ok);
        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData("vic\u200Btim@v.example")]
    [InlineData("victim\u200D@v.example")]
    [InlineData("\u202Eelpmaxe.v@mitciv")]
    [InlineData("victim@v.example\u2066")]
    [InlineData("\uFEFFvictim@v.example")]
    [InlineData("vic\u00ADtim@v.example")]
    public void TryNormalize_FormatOrBrokenCharacters_Refused(string raw)
    {
        var ok = EmailAddress.TryNormalize(raw, out _, out var refusal);

        Assert.False(ok);
        Assert.NotNull(refusal);
    }

    [Fact]
    public void TryNormalize_LoneSurrogate_Refused()
    {
        var ok = EmailAddress.TryNormalize("victim@v.exam" + (char)0xD800 + "ple", out _, out var refusal);

        Assert.False(ok);
        Assert.Contains("surrogate", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_CanonicallyEquivalentSpellings_AreNotNormalisedIntoOneKey()
    {
        EmailAddress.TryNormalize("jos\u00E9@v.example", out var composed);
        EmailAddress.TryNormalize("jose\u0301@v.example", out var decomposed);

        Assert.Equal("jos\u00E9@v.example", composed);
        Assert.Equal("jose\u0301@v.example", decomposed);
    }
}
