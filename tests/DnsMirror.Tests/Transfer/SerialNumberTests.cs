using DnsMirror.Transfer;

namespace DnsMirror.Tests.Transfer;

public sealed class SerialNumberTests
{
    [Theory]
    [InlineData(2u, 1u, true)]
    [InlineData(1u, 2u, false)]
    [InlineData(5u, 5u, false)]
    [InlineData(0u, 4294967295u, true)] // wrapped: 0 follows 2^32 - 1
    [InlineData(100u, 4294967200u, true)]
    [InlineData(4294967200u, 100u, false)]
    [InlineData(2147483648u, 0u, false)] // exactly 2^31 apart: undefined, so not newer
    public void IsNewer_Rfc1982Cases_Expected(uint candidate, uint known, bool expected)
    {
        var newer = SerialNumber.IsNewer(candidate, known);

        Assert.Equal(expected, newer);
    }

    [Fact]
    public void Compare_HalfRangeApart_IsUndefined()
    {
        var result = SerialNumber.Compare(2147483648u, 0u);

        Assert.Null(result);
    }

    [Fact]
    public void Add_MoreThanHalfRange_Throws()
    {
        Action act = () => SerialNumber.Add(1, 2147483648u);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }
}
