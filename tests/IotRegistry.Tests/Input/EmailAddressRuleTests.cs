using IotRegistry.Input;

namespace IotRegistry.Tests.Input;

public sealed class EmailAddressRuleTests
{
    [Theory]
    [InlineData("owner@example.com")]
    [InlineData("first.last+iot@sub.example.co")]
    [InlineData("o'brien@example.ie")]
    [InlineData("x@a-b.example.org")]
    public void IsValid_PlainAddress_True(string address)
    {
        var valid = EmailAddressRule.IsValid(address);

        Assert.True(valid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("owner")]
    [InlineData("@example.com")]
    [InlineData("owner@")]
    [InlineData("owner@example")]
    [InlineData("owner@example.c")]
    [InlineData("owner@example.123")]
    [InlineData("two@@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData(".owner@example.com")]
    [InlineData("owner.@example.com")]
    [InlineData("ow..ner@example.com")]
    [InlineData("owner@-example.com")]
    [InlineData("owner@example-.com")]
    [InlineData("owner@exa_mple.com")]
    [InlineData("owner@example..com")]
    [InlineData("own er@example.com")]
    [InlineData("\"quoted\"@example.com")]
    [InlineData("owner@example.com\n")]
    [InlineData("owner@exämple.com")]
    [InlineData("owner@example.com' OR '1'='1")]
    public void IsValid_NotAnAddress_False(string address)
    {
        var valid = EmailAddressRule.IsValid(address);

        Assert.False(valid);
    }

    [Fact]
    public void IsValid_LocalPartOver64_False()
    {
        var address = new string('a', 65) + "@example.com";

        var valid = EmailAddressRule.IsValid(address);

        Assert.False(valid);
    }

    [Fact]
    public void IsValid_AddressOver254_False()
    {
        var address = "owner@" + string.Join('.', Enumerable.Repeat(new string('d', 60), 5)) + ".com";

        var valid = EmailAddressRule.IsValid(address);

        Assert.True(address.Length > EmailAddressRule.MaxLength);
        Assert.False(valid);
    }
}
