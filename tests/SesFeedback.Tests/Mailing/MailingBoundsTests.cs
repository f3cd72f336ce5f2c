using System.Text;
using LambdaSuite.Data.Mailing;
using SesFeedback.Feedback;
using SesFeedback.Mailing;
using static SesFeedback.Tests.SesMessages;

namespace SesFeedback.Tests.Mailing;

/// <summary>Issue 19, item 4: every stored free-text field and the record as a whole are bounded.</summary>
public class MailingBoundsTests
{
    private const string Address = "ana@shop.example.org";

    [Fact]
    public void Cut_LongValue_FitsTheBudgetEndsWithTheMarkerAndKeepsSurrogatePairsWhole()
    {
        var value = string.Concat(Enumerable.Repeat("a\U0001F600", 100));

        var cut = MailingBounds.Cut(value, 64)!;

        Assert.True(Encoding.UTF8.GetByteCount(cut) <= 64);
        Assert.EndsWith(MailingBounds.CutMarker, cut, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(cut)));
        Assert.StartsWith(cut[..^1], value, StringComparison.Ordinal);
    }

    [Fact]
    public void Cut_ShortValue_IsUnchanged()
    {
        var cut = MailingBounds.Cut("smtp; 550 5.1.1 unknown user", MailingBounds.MaxDiagnosticCodeBytes);

        Assert.Equal("smtp; 550 5.1.1 unknown user", cut);
    }

    [Fact]
    public void Parse_TwoHundredKilobyteDiagnosticCode_IsCutToItsBudget()
    {
        var json = HugeMessages.Bounce(Address, "Permanent", T0, "f1", HugeMessages.Diagnostic(200 * 1024), fieldLength: 5000, tagCount: 200);

        var feedback = Assert.Single(SesMessageParser.Parse(json).Events);

        Assert.Equal(MailingBounds.MaxDiagnosticCodeBytes, Encoding.UTF8.GetByteCount(feedback.Event.DiagnosticCode!));
        Assert.True(Encoding.UTF8.GetByteCount(feedback.Event.FeedbackId!) <= MailingBounds.MaxIdentifierBytes);
        Assert.True(Encoding.UTF8.GetByteCount(feedback.Event.MessageId!) <= MailingBounds.MaxIdentifierBytes);
        Assert.True(Encoding.UTF8.GetByteCount(feedback.Sender!) <= MailingBounds.MaxIdentifierBytes);
        Assert.True(feedback.Tags.Sum(t => Encoding.UTF8.GetByteCount(t.Key) + t.Value.Sum(v => Encoding.UTF8.GetByteCount(v))) <= MailingBounds.MaxTagBytes);
    }

    [Fact]
    public void Apply_WorstCaseHistoryAtTheLargestSoftBounceLimit_StaysWellUnderTheItemLimit()
    {
        var rules = new MailingRules(new SoftBouncePolicy(1000, TimeSpan.FromDays(3650)));

        var record = WorstCase(rules, softBounces: rules.SoftBounceCapacity + 100);
        var size = MailingItemSize.Of(MailingMapper.ToItem(record));

        Assert.Equal(rules.SoftBounceCapacity, record.SoftBounces.Length);
        Assert.True(size < 300 * 1024, $"worst-case record is {size} bytes");
    }

    [Fact]
    public void Apply_ManySoftBounces_OnlyTheNewestKeepTheirDiagnosticCode()
    {
        var rules = new MailingRules(new SoftBouncePolicy(1000, TimeSpan.FromDays(3650)));

        var record = WorstCase(rules, softBounces: 50);

        Assert.Equal(MailingRules.SoftBounceDetailCapacity, record.SoftBounces.Count(b => b.DiagnosticCode is not null));
        Assert.All(record.SoftBounces.TakeLast(MailingRules.SoftBounceDetailCapacity), b => Assert.NotNull(b.DiagnosticCode));
    }

    [Fact]
    public void Apply_SoftBouncesBeyondTheDetailCapacityInOppositeOrders_GiveTheSameRecordDetailsIncluded()
    {
        var rules = new MailingRules(SoftBouncePolicy.Default);
        // 20 fill the list (capacity 20 at limit 3); beyond that the README's stated bound on window order applies.
        var messages = Enumerable.Range(0, 20).Select(i => HugeMessages.Bounce(Address, "Transient", T0.AddHours(i), $"soft-{i}", $"smtp; 452 4.2.2 mailbox full ({i})")).ToList();

        var forward = messages.Aggregate((MailingRecord?)null, (r, m) => Apply(rules, r, m))!;
        var backward = Enumerable.Reverse(messages).Aggregate((MailingRecord?)null, (r, m) => Apply(rules, r, m))!;

        Assert.Equal(forward.SoftLimitEvent, backward.SoftLimitEvent);
        Assert.Equal(forward.SuppressedBy, backward.SuppressedBy);
        Assert.Equal(string.Join("\n", forward.SoftBounces), string.Join("\n", backward.SoftBounces));
        Assert.Null(forward.SoftLimitEvent!.DiagnosticCode);
    }

    /// <summary>Every list filled to capacity with every field at its budget.</summary>
    internal static MailingRecord WorstCase(MailingRules rules, int softBounces)
    {
        MailingRecord? record = null;
        var diagnostic = HugeMessages.Diagnostic(10_000);
        for (var i = 0; i < softBounces; i++)
        {
            record = Apply(rules, record, HugeMessages.Bounce(Address, "Transient", T0.AddSeconds(i), $"soft-{i}", diagnostic, fieldLength: 1000, tagCount: 100));
        }

        for (var i = 0; i < 20; i++)
        {
            record = Apply(rules, record, HugeMessages.Bounce(Address, "Permanent", T0.AddDays(1).AddSeconds(i), $"hard-{i}", diagnostic, fieldLength: 1000, tagCount: 100));
        }

        for (var i = 0; i < 20; i++)
        {
            var at = T0.AddDays(2).AddSeconds(i);
            var unsuppress = new FeedbackEvent(Address, new MailingEvent($"u-{i}", MailingEventKind.Unsuppress, at) { Note = MailingBounds.Cut(new string('r', 5000), MailingBounds.MaxNoteBytes) });
            record = rules.Apply(record, unsuppress) ?? record;
        }

        return record!;
    }

    private static MailingRecord? Apply(MailingRules rules, MailingRecord? record, string json) =>
        rules.Apply(record, Assert.Single(SesMessageParser.Parse(json).Events)) ?? record;
}
