using LambdaSuite.Bench;

namespace Bench.Tests;

public sealed class FanoutBenchReportTests
{
    private const string CpuInfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7R13\nflags\t\t: fpu sse2 avx2 sha_ni vaes\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7R13\nflags\t\t: fpu sse2 avx2 sha_ni vaes\n";

    [Fact]
    public void MachineParse_CpuInfoWithShaNi_NamesModelAndExtension()
    {
        var machine = FanoutBenchMachine.Parse(CpuInfo, "2.10 1.50 0.90 3/200 4242\n", cores: 2);

        Assert.Equal("AMD EPYC 7R13", machine.CpuModel);
        Assert.True(machine.ShaNi);
        Assert.Equal("2.10 1.50 0.90", machine.LoadAverage);
        Assert.Equal("machine: AMD EPYC 7R13, 2 cores, sha_ni yes, load average 2.10 1.50 0.90", machine.ToText());
    }

    [Fact]
    public void MachineParse_FlagsWithoutShaNi_SaysNo()
    {
        var machine = FanoutBenchMachine.Parse("model name : Some CPU\nflags : fpu sha avx2\n", "0.00 0.01 0.05 1/1 1", cores: 4);

        Assert.False(machine.ShaNi);
        Assert.Contains("sha_ni no", machine.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void MachineToText_OpenSslMaskSet_LabelsTheShaFigure()
    {
        var machine = FanoutBenchMachine.Parse(CpuInfo, "2.10 1.50 0.90 3/200 4242\n", cores: 2) with { OpenSslMask = ":~0x20000000" };

        Assert.Equal("machine: AMD EPYC 7R13, 2 cores, sha_ni yes (OpenSSL capabilities masked by OPENSSL_ia32cap=:~0x20000000), load average 2.10 1.50 0.90", machine.ToText());
    }

    [Fact]
    public void MachineParse_NoProcFiles_SaysUnknown()
    {
        var machine = FanoutBenchMachine.Parse(null, null, cores: 1);

        Assert.Equal("machine: unknown CPU, 1 cores, sha_ni unknown, load average unknown", machine.ToText());
    }

    [Fact]
    public void PhaseTimes_Other_IsWallMinusTheHandlersPhases()
    {
        var phases = new FanoutBenchPhaseTimes(Parse: 10, View: 2, Build: 1, Batch: 0.5, Send: 12, Hash: 7, Sign: 0.5);

        Assert.Equal(25.5, phases.Sum, 6);
        Assert.Equal(30 - 25.5, phases.Other(30), 6);
        Assert.Equal(4.5, phases.WriteAndPlumbing, 6);
    }

    [Fact]
    public void PhaseTimes_ToText_ShowsEveryPhaseAndOther()
    {
        var phases = new FanoutBenchPhaseTimes(Parse: 10, View: 2, Build: 1, Batch: 0.5, Send: 12, Hash: 7, Sign: 0.5);

        var text = phases.ToText(30);

        Assert.Equal("  phases ms: parse 10.00  view 2.00  build 1.00  batch 0.50  send 12.00 (hash 7.00, sign 0.50, write+http 4.50)  other 4.50", text);
    }

    [Fact]
    public void ResultToText_WithPhases_PrintsFiguresSpreadGcAndPhaseLine()
    {
        var result = new FanoutBenchResult("plain", "kinesis", 10_000, 14_000_000, 21, 40, 30, 90, 38.5, 20, 13_840_431, 737.6, 300L * 1024 * 1024)
        {
            CollectionsPerRun = (1.5, 0.5, 0.25),
            MedianGcPauseMs = 1.25,
            Phases = new FanoutBenchPhaseTimes(10, 2, 1, 0.5, 12, 7, 0.5),
        };

        var lines = result.ToText().Split('\n');

        Assert.Equal(2, lines.Length);
        Assert.Contains("median    40.00 ms wall (min 30.00, max 90.00, max/median 2.25, 21 runs), 38.50 ms CPU", lines[0], StringComparison.Ordinal);
        Assert.Contains("alloc/record 738 B  GC/run 1.5/0.5/0.2 (gen0/1/2), pause 1.25 ms  peak WS 300 MB", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("other 14.50", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain,kpl,dynamodb,sqs,sns", new[] { "plain", "kpl", "dynamodb", "sqs", "sns" })]
    [InlineData("sns, plain", new[] { "plain", "sns" })]
    [InlineData("DYNAMODB", new[] { "dynamodb" })]
    public void TryParseInputs_KnownNames_KeepsTheBenchOrder(string text, string[] expected)
    {
        var ok = FanoutBenchCommand.TryParseInputs(text, out var inputs, out var problem);

        Assert.True(ok);
        Assert.Equal(expected, inputs);
        Assert.Empty(problem);
    }

    [Theory]
    [InlineData("plain,kinesis", "unknown input(s) kinesis")]
    [InlineData(",", "names none")]
    public void TryParseInputs_BadText_FailsWithASentence(string text, string expected)
    {
        var ok = FanoutBenchCommand.TryParseInputs(text, out _, out var problem);

        Assert.False(ok);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.EndsWith(".", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RatesFloor_KnownRates_SumsScanDecodeCopyAndHash()
    {
        var rates = new FanoutBenchRates(MemcpyGBps: 10, JsonScanGBps: 2, Base64DecodeGBps: 4, Sha256GBps: 2);

        var floor = rates.Floor(eventBytes: 1_000_000, requestBytes: 1_000_000);

        Assert.Equal(0.5 + 0.1875 + 0.1 + 0.5, floor, 6);
    }

    [Fact]
    public void ResultToText_WithFloor_SaysHowManyTimesTheFloor()
    {
        var result = new FanoutBenchResult("plain", "kinesis", 10_000, 14_000_000, 21, 40, 30, 90, 38.5, 20, 13_840_431, 737.6, 0) { FloorMs = 8 };

        var text = result.ToText();

        Assert.Contains("floor 8.00 ms (5.0x)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RunToText_RunWithCollections_ShowsCountsPauseAndLastCollection()
    {
        var run = new FanoutBenchRun(3, 22.4, 21.9, 1, 1, 0, 7.2) { LastCollection = (1, 7.2, 1_572_864) };

        var text = run.ToText();

        Assert.Equal("    #3      22.40 ms wall    21.90 ms CPU  GC 1/1/0 pause 7.20 ms (last gen1 7.20 ms, promoted 1.50 MB)", text);
    }

    [Fact]
    public void RunToText_RunWithoutCollection_SaysNone()
    {
        var run = new FanoutBenchRun(1, 14.9, 14.5, 0, 0, 0, 0);

        var text = run.ToText();

        Assert.EndsWith("14.50 ms CPU  GC -", text, StringComparison.Ordinal);
        Assert.False(run.Collected);
    }

    [Fact]
    public void RunListing_SlowRunsWithCollections_KeepsOrderAndCountsThem()
    {
        var runs = new[]
        {
            new FanoutBenchRun(1, 15, 15, 0, 0, 0, 0),
            new FanoutBenchRun(2, 30, 29, 1, 0, 0, 12) { LastCollection = (0, 12, 0) },
            new FanoutBenchRun(3, 14, 14, 0, 0, 0, 0),
            new FanoutBenchRun(4, 25, 25, 0, 0, 0, 0),
            new FanoutBenchRun(5, 16, 16, 0, 0, 0, 0),
        };

        var lines = FanoutBenchRun.Listing("plain -> kinesis", runs).Split('\n');

        Assert.Equal(6, lines.Length);
        Assert.Equal("  runs of plain -> kinesis in order (median 16.00 ms; 2 slower than 1.5x median, 1 of them with a collection; GC gen0/gen1/gen2):", lines[0]);
        Assert.StartsWith("    #1 ", lines[1], StringComparison.Ordinal);
        Assert.Contains("GC 1/0/0 pause 12.00 ms", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("    #4 ", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void ResultToText_PerRunAsked_AppendsTheListingAfterTheFigures()
    {
        var result = new FanoutBenchResult("kpl", "kinesis", 10_000, 14_000_000, 2, 25, 24, 26, 25, 20, 13_840_431, 434, 0)
        {
            PerRun = [new FanoutBenchRun(1, 24, 24, 0, 0, 0, 0), new FanoutBenchRun(2, 26, 26, 0, 0, 1, 3) { LastCollection = (2, 3, 4096) }],
        };

        var plain = result.ToText();
        var listed = result.ToText(perRun: true).Split('\n');

        Assert.DoesNotContain("runs of", plain, StringComparison.Ordinal);
        Assert.Equal(4, listed.Length);
        Assert.StartsWith("  runs of kpl -> kinesis in order", listed[1], StringComparison.Ordinal);
        Assert.Contains("GC 0/0/1 pause 3.00 ms (last gen2 3.00 ms", listed[3], StringComparison.Ordinal);
    }
}
