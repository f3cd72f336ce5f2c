using System.Globalization;
using System.Text.Json;
using LambdaSuite.TestKit;

namespace Cli.Tests.Dns;

/// <summary>
/// `dns axfr` in-process against the local stack's two real BIND 9 servers: the primary serving
/// scripts/stack/bind/zones as written, and the secondary site. Read-only: nothing is changed on either server.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DnsAxfrCommandTests
{
    // Records of example.test as its zone file in scripts/stack/bind/zones states them, in `dig AXFR` form.
    private const string ExampleSoa = "example.test.\t300\tIN\tSOA\tns1.example.test. hostmaster.example.test. 2026112201 3600 600 1209600 300";
    private const string Wildcard = "*.example.test.\t300\tIN\tA\t192.0.2.99";
    private const string FtpAlias = "ftp.example.test.\t3600\tIN\tCNAME\twww.example.test.";
    private const string SipService = "_sip._tcp.example.test.\t300\tIN\tSRV\t10 60 5060 sip.example.test.";
    private const string QuotedText = "quoted.example.test.\t300\tIN\tTXT\t\"say \\\"hello\\\"; then leave\" \"back\\\\slash\"";
    private const string MixedCaseOwner = "WWW2.example.test.\t300\tIN\tCNAME\twww.example.test.";

    [Fact]
    public async Task Axfr_ExampleZoneFromPrimary_PrintsOneRecordPerLineBetweenTwoSoas()
    {
        var run = await DnsCli.InvokeAsync("axfr", "--master", LocalStack.DnsPrimary, "--zone", "example.test");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Lines;
        var records = RecordLines(run);
        Assert.StartsWith($"; AXFR example.test. from {LocalStack.DnsPrimary}: {records.Count - 1} records, serial 2026112201", lines[0], StringComparison.Ordinal);
        Assert.Equal(ExampleSoa, records[0]);
        Assert.Equal(ExampleSoa, records[^1]);
        Assert.Equal(2, records.Count(l => l.Contains("\tSOA\t", StringComparison.Ordinal)));
        Assert.Contains(Wildcard, records);
        Assert.Contains(FtpAlias, records);
        Assert.Contains(SipService, records);
        Assert.Contains(QuotedText, records);
        Assert.Contains(MixedCaseOwner, records);
        Assert.All(records, l => Assert.Equal(5, l.Split('\t').Length));
        Assert.StartsWith($";; XFR size: {records.Count} records", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Axfr_Json_CarriesTheSameRecordsAsTheText()
    {
        var text = await DnsCli.InvokeAsync("axfr", "--master", LocalStack.DnsPrimary, "--zone", "example.test");
        var json = await DnsCli.InvokeAsync("axfr", "--master", LocalStack.DnsPrimary, "--zone", "example.test", "--json");

        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        Assert.Equal("example.test.", root.GetProperty("zone").GetString());
        Assert.Equal(2026112201u, root.GetProperty("serial").GetUInt32());
        Assert.Equal(LocalStack.DnsPrimary, root.GetProperty("source").GetString());
        var fromJson = root.GetProperty("records").EnumerateArray()
            .Select(r => string.Join('\t', r.GetProperty("name").GetString(), r.GetProperty("ttl").GetUInt32().ToString(CultureInfo.InvariantCulture), "IN", r.GetProperty("type").GetString(), r.GetProperty("data").GetString()))
            .ToList();
        var fromText = RecordLines(text);
        // The text closes the transfer with the SOA again, as dig does; the document lists each record once.
        Assert.Equal(fromText.Count - 1, fromJson.Count);
        Assert.Equal(fromText.Take(fromJson.Count), fromJson);
        Assert.Contains(Wildcard, fromJson);
    }

    [Fact]
    public async Task Axfr_KeyOnlyZoneWithoutKey_FailsRefusedWithNonZeroExit()
    {
        var run = await DnsCli.InvokeAsync("axfr", "--master", LocalStack.DnsPrimary, "--zone", "tsig.example.test");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("REFUSED the transfer of tsig.example.test.", run.Error, StringComparison.Ordinal);
        Assert.Empty(RecordLines(run));
    }

    [Fact]
    public async Task Axfr_KeyOnlyZoneWithStackKey_TransfersItsSecretRecord()
    {
        var run = await DnsCli.InvokeAsync("axfr", "--master", LocalStack.DnsPrimary, "--zone", "tsig.example.test", "--tsig", LocalStack.DnsTsigKey);

        Assert.True(run.ExitCode == 0, run.ToString());
        var records = RecordLines(run);
        Assert.Contains("secret.tsig.example.test.\t600\tIN\tTXT\t\"only with the key\"", records);
        Assert.Equal(records[0], records[^1]);
        Assert.Contains("\tSOA\t", records[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Axfr_SecondaryWithStackKey_TransfersTheSecondarysOwnSoa()
    {
        var run = await DnsCli.InvokeAsync("axfr", "--master", LocalStack.DnsSecondary, "--zone", "example.test", "--tsig", LocalStack.DnsTsigKey);

        Assert.True(run.ExitCode == 0, run.ToString());
        var records = RecordLines(run);
        // The mirror keeps the target's own SOA (only its serial follows the source) and apex NS.
        Assert.StartsWith("example.test.\t300\tIN\tSOA\tlocalhost. hostmaster.localhost. ", records[0], StringComparison.Ordinal);
        Assert.Equal(records[0], records[^1]);
        Assert.Contains("example.test.\t300\tIN\tNS\tlocalhost.", records);
        Assert.StartsWith($"; AXFR example.test. from {LocalStack.DnsSecondary}: ", run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Axfr_SecondaryWithWrongSecret_FailsWithBadSigAndNonZeroExit()
    {
        var parts = LocalStack.DnsTsigKey.Split(':');
        var wrong = $"{parts[0]}:{parts[1]}:{Convert.ToBase64String(new byte[32])}";
        Assert.NotEqual(parts[2], Convert.ToBase64String(new byte[32]));

        var run = await DnsCli.InvokeAsync("axfr", "--master", LocalStack.DnsSecondary, "--zone", "example.test", "--tsig", wrong);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("server rejected the request's TSIG: BadSig", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(RecordLines(run));
    }

    [Theory]
    [InlineData("--tsig", "only-a-name", "TSIG key must be name:algorithm:base64secret")]
    [InlineData("--master", "127.0.0.1:notaport", "notaport")]
    public async Task Axfr_MalformedKeyOrMaster_OneLineOnStandardErrorExitOne(string option, string value, string expected)
    {
        string[] args = option == "--master"
            ? ["axfr", "--master", value, "--zone", "example.test"]
            : ["axfr", "--master", LocalStack.DnsPrimary, "--zone", "example.test", option, value];

        var run = await DnsCli.InvokeAsync(args);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("dns axfr: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    /// <summary>The record lines: everything that is not a `;` comment.</summary>
    private static List<string> RecordLines(DnsCliRun run) => run.Lines.Where(l => !l.StartsWith(';')).ToList();
}
