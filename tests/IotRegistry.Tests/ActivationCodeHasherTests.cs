using System.Text;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Tests;

public sealed class ActivationCodeHasherTests
{
    private static readonly byte[] s_key = Encoding.UTF8.GetBytes("a-test-key-that-is-long-enough-to-be-accepted");
    private static readonly DeviceKey s_device = new("SN-1", "client-1");
    private readonly ActivationCodeHasher _hasher = new(s_key);

    [Fact]
    public void Hash_SameInput_SameValueWithoutTheCode()
    {
        var first = _hasher.Hash(s_device, "ABCD-1234");

        var second = _hasher.Hash(s_device, "ABCD-1234");

        Assert.Equal(first, second);
        Assert.DoesNotContain("ABCD", first, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(first).Length);
    }

    [Fact]
    public void Hash_OtherDevice_DiffersForTheSameCode()
    {
        var here = _hasher.Hash(s_device, "ABCD-1234");

        var there = _hasher.Hash(new DeviceKey("SN-2", "client-1"), "ABCD-1234");

        Assert.NotEqual(here, there);
    }

    [Fact]
    public void Hash_FieldBoundaryShifted_Differs()
    {
        var one = _hasher.Hash(new DeviceKey("SN-1", "client-1"), "ABCDEF");

        var shifted = _hasher.Hash(new DeviceKey("SN-1c", "lient-1"), "ABCDEF");

        Assert.NotEqual(one, shifted);
    }

    [Fact]
    public void Hash_OtherKey_Differs()
    {
        var other = new ActivationCodeHasher(Encoding.UTF8.GetBytes("another-test-key-that-is-long-enough-to-use"));

        var hash = other.Hash(s_device, "ABCD-1234");

        Assert.NotEqual(_hasher.Hash(s_device, "ABCD-1234"), hash);
    }

    [Theory]
    [InlineData("ABCD-1234", true)]
    [InlineData("ABCD-1235", false)]
    [InlineData("abcd-1234", false)]
    public void Matches_OfferedCode_TrueOnlyForTheStoredCode(string offered, bool expected)
    {
        var stored = _hasher.Hash(s_device, "ABCD-1234");

        var matches = _hasher.Matches(stored, s_device, offered);

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void Matches_MalformedStoredValue_False(string stored)
    {
        var matches = _hasher.Matches(stored, s_device, "ABCD-1234");

        Assert.False(matches);
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        var key = new byte[16];

        Assert.Throws<ArgumentException>(() => new ActivationCodeHasher(key));
    }

    [Fact]
    public void KeyId_SameKeyBytesTwice_SameShortIdThatDiffersPerKeyAndHidesTheKey()
    {
        var again = new ActivationCodeHasher((byte[])s_key.Clone());
        var other = new ActivationCodeHasher(Encoding.UTF8.GetBytes("another-test-key-that-is-long-enough-to-use"));

        var id = _hasher.KeyId;

        Assert.Equal(again.KeyId, id);
        Assert.NotEqual(other.KeyId, id);
        Assert.Matches("^[A-Za-z0-9_-]{12}$", id);
        Assert.DoesNotContain(id, Encoding.UTF8.GetString(s_key), StringComparison.Ordinal);
        Assert.DoesNotContain(id, _hasher.Hash(s_device, "ABCD-1234"), StringComparison.Ordinal);
    }
}
