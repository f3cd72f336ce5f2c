using DnsMirror.Wire;

namespace DnsMirror.Tests.Wire;

public sealed class DnsMessageParserTests
{
    /// <summary>A response with one question and two answers, both using compression.</summary>
    private static byte[] Response() =>
    [
        0x12, 0x34, // 0: ID
        0x84, 0x00, // 2: QR=1, AA=1, RCODE=0
        0x00, 0x01, // 4: QDCOUNT 1
        0x00, 0x02, // 6: ANCOUNT 2
        0x00, 0x00, // 8: NSCOUNT 0
        0x00, 0x00, // 10: ARCOUNT 0
        0x07, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', // 12: "example"
        0x04, (byte)'t', (byte)'e', (byte)'s', (byte)'t', 0x00, // 20: "test", root
        0x00, 0x01, 0x00, 0x01, // 26: QTYPE A, QCLASS IN
        0x03, (byte)'W', (byte)'w', (byte)'w', 0xC0, 0x0C, // 30: "Www" + pointer to 12
        0x00, 0x01, 0x00, 0x01, // 36: TYPE A, CLASS IN
        0x00, 0x00, 0x01, 0x2C, // 40: TTL 300
        0x00, 0x04, 192, 0, 2, 1, // 44: RDLENGTH 4, 192.0.2.1
        0x03, (byte)'f', (byte)'t', (byte)'p', 0xC0, 0x0C, // 50: "ftp" + pointer to 12
        0x00, 0x05, 0x00, 0x01, // 56: TYPE CNAME, CLASS IN
        0x00, 0x00, 0x0E, 0x10, // 60: TTL 3600
        0x00, 0x02, 0xC0, 0x1E, // 64: RDLENGTH 2, pointer to 30 ("Www.example.test.")
    ];

    [Fact]
    public void Parse_AnnotatedResponse_DecodesQuestionAndCompressedAnswers()
    {
        var bytes = Response();

        var message = DnsMessageParser.Parse(bytes);

        Assert.Equal(0x1234, message.Header.Id);
        Assert.True(message.Header.IsResponse);
        Assert.Equal(new DnsQuestion("example.test.", DnsRecordType.A, DnsClass.Internet), message.Questions[0]);
        Assert.Equal("Www.example.test.", message.Answers[0].Name);
        Assert.Equal("192.0.2.1", RDataFormatter.Format(DnsRecordType.A, message.Answers[0].Data));
        Assert.Equal(3600u, message.Answers[1].Ttl);
        Assert.Equal("Www.example.test.", RDataFormatter.Format(DnsRecordType.CNAME, message.Answers[1].Data));
        Assert.Equal(18, message.Answers[1].Data.Length);
    }

    [Fact]
    public void Parse_CutAtEveryLength_ThrowsDnsFormatExceptionWithinInput()
    {
        var bytes = Response();

        for (var length = 0; length < bytes.Length; length++)
        {
            var error = Assert.Throws<DnsFormatException>(() => DnsMessageParser.Parse(bytes.AsSpan(0, length)));

            Assert.InRange(error.Offset, 0, length);
            Assert.Equal(length, error.Length);
        }
    }

    [Fact]
    public void Parse_PointerToItself_ThrowsInsteadOfLooping()
    {
        var bytes = Response();
        bytes[34] = 0xC0;
        bytes[35] = 30; // "Www" then a pointer back to its own label: a loop

        var error = Assert.Throws<DnsFormatException>(() => DnsMessageParser.Parse(bytes));

        Assert.Equal(34, error.Offset);
    }

    [Fact]
    public void Parse_TwoPointersToEachOther_ThrowsInsteadOfLooping()
    {
        byte[] bytes =
        [
            0, 1, 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, // header: QDCOUNT 1
            0x01, (byte)'a', 0xC0, 0x10, // 12: "a" + pointer forward to 16
            0x01, (byte)'b', 0xC0, 0x0C, // 16: "b" + pointer back to 12
            0, 1, 0, 1,
        ];

        var error = Assert.Throws<DnsFormatException>(() => DnsMessageParser.Parse(bytes));

        Assert.Contains("backwards", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ForwardPointer_Throws()
    {
        var bytes = Response();
        bytes[67] = 70; // CNAME RDATA pointer now aims at offset 70, ahead of itself

        var error = Assert.Throws<DnsFormatException>(() => DnsMessageParser.Parse(bytes));

        Assert.Equal(66, error.Offset);
    }

    [Fact]
    public void Parse_RdLengthLongerThanARecord_Throws()
    {
        var bytes = Response();
        bytes[45] = 5; // A with RDLENGTH 5: the RR would swallow a byte of the next one

        var error = Assert.Throws<DnsFormatException>(() => DnsMessageParser.Parse(bytes));

        Assert.Contains("A RDATA must be 4 octets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RdLengthShorterThanItsName_Throws()
    {
        byte[] bytes =
        [
            0, 1, 0x80, 0, 0, 0, 0, 1, 0, 0, 0, 0, // header: ANCOUNT 1
            0x00, 0x00, 0x05, 0x00, 0x01, 0, 0, 0, 0, // 12: root, CNAME, IN, TTL 0
            0x00, 0x01, // 21: RDLENGTH 1 ...
            0x01, (byte)'x', 0x00, // 23: ... but the name takes 3
        ];

        var error = Assert.Throws<DnsFormatException>(() => DnsMessageParser.Parse(bytes));

        Assert.Contains("RDLENGTH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RdLengthPastEndOfMessage_Throws()
    {
        var bytes = Response();
        bytes[64] = 0x10; // CNAME RDLENGTH 4098

        var error = Assert.Throws<DnsFormatException>(() => DnsMessageParser.Parse(bytes));

        Assert.Equal(66, error.Offset);
    }

    [Fact]
    public void Parse_ExtendedLabelType_Throws()
    {
        var bytes = Response();
        bytes[30] = 0x43; // 0b01 label type (RFC 6891 obsolete) where a length <= 63 must be

        var error = Assert.Throws<DnsFormatException>(() => DnsMessageParser.Parse(bytes));

        Assert.Equal(30, error.Offset);
    }

    [Fact]
    public void Parse_NameLongerThan255Octets_Throws()
    {
        var writer = new DnsWireWriter();
        writer.WriteHeader(new DnsHeader(1, 0, 1, 0, 0, 0));
        for (var i = 0; i < 5; i++)
        {
            writer.WriteUInt8(63);
            writer.WriteBytes(new byte[63].AsSpan().ToArray().Select(_ => (byte)'a').ToArray());
        }

        writer.WriteUInt8(0);
        writer.WriteUInt32(0x00010001);

        var error = Assert.Throws<DnsFormatException>(() => DnsMessageParser.Parse(writer.ToArray()));

        Assert.Contains("255", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OctetsAfterLastRecord_Throws()
    {
        var bytes = Response().Append((byte)0).ToArray();

        var error = Assert.Throws<DnsFormatException>(() => DnsMessageParser.Parse(bytes));

        Assert.Equal(68, error.Offset);
    }

    [Fact]
    public void Parse_TsigInAnswerSection_Throws()
    {
        var bytes = Response();
        bytes[56] = 0x00;
        bytes[57] = 250; // second answer claims to be TSIG

        var error = Assert.Throws<DnsFormatException>(() => DnsMessageParser.Parse(bytes));

        Assert.Contains("TSIG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RandomCorruption_NeverThrowsAnythingElse()
    {
        var random = new Random(20261122);
        var original = Response();
        var parsed = 0;
        var rejected = 0;

        for (var round = 0; round < 20000; round++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            try
            {
                DnsMessageParser.Parse(bytes.AsSpan(0, random.Next(bytes.Length + 1)));
                parsed++;
            }
            catch (DnsFormatException)
            {
                rejected++;
            }
        }

        Assert.Equal(20000, parsed + rejected);
        Assert.True(rejected > 0);
    }
}
