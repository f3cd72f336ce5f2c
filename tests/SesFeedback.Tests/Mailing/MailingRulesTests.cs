using LambdaSuite.Data.Mailing;
using SesFeedback.Feedback;
using SesFeedback.Mailing;
using static SesFeedback.Tests.SesMessages;

namespace SesFeedback.Tests.Mailing;

public class MailingRulesTests
{
    private const string Address = "ana@shop.example.org";
    private readonly MailingRules _rules = new(SoftBouncePolicy.Default);

    private static FeedbackEvent One(string json) => Assert.Single(SesMessageParser.Parse(json).Events);

    private MailingRecord Run(params string[] messages)
    {
        MailingRecord? record = null;
        foreach (var message in messages)
        {
            record = _rules.Apply(record, One(message)) ?? record;
        }

        return record!;
    }

    [Fact]
    public void Apply_PermanentBounce_Suppresses()
    {
        var record = Run(Bounce(Address, "Permanent", T0, "f1"));

        Assert.Equal(MailingState.Suppressed, record.State);
        Assert.Equal("PermanentBounce", record.SuppressionReason);
        Assert.Equal(T0, record.SuppressedSince);
        Assert.Contains("550 5.1.1", record.SuppressedBy!.DiagnosticCode, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Suppressed")]
    [InlineData("OnAccountSuppressionList")]
    public void Apply_BounceBecauseSesSuppressed_RecordsAlreadySuppressedBySes(string subType)
    {
        var record = Run(Bounce(Address, "Permanent", T0, "f1", subType));

        Assert.Equal(MailingState.Suppressed, record.State);
        Assert.Equal("SesSuppressionList", record.SuppressionReason);
    }

    [Fact]
    public void Apply_Complaint_SuppressesWithFeedbackType()
    {
        var record = Run(Complaint(Address, T0, "c1", "fraud"));

        Assert.Equal(MailingState.Suppressed, record.State);
        Assert.Equal("Complaint", record.SuppressionReason);
        Assert.Equal("fraud", record.SuppressedBy!.ComplaintFeedbackType);
    }

    [Theory]
    [InlineData("Transient")]
    [InlineData("Undetermined")]
    public void Apply_SingleSoftBounce_DoesNotSuppress(string type)
    {
        var record = Run(Bounce(Address, type, T0, "s1"));

        Assert.Equal(MailingState.Active, record.State);
        Assert.Equal(1, record.SoftBounceCount);
    }

    [Fact]
    public void Apply_ThreeSoftBouncesWithinWindow_Suppresses()
    {
        var record = Run(
            Bounce(Address, "Transient", T0, "s1"),
            Bounce(Address, "Transient", T0.AddDays(3), "s2"),
            Bounce(Address, "Transient", T0.AddDays(7), "s3"));

        Assert.Equal(MailingState.Suppressed, record.State);
        Assert.Equal("SoftBounceLimit", record.SuppressionReason);
        Assert.Equal(T0.AddDays(7), record.SuppressedSince);
    }

    [Fact]
    public void Apply_ThirdSoftBounceJustOutsideWindow_DoesNotSuppress()
    {
        var record = Run(
            Bounce(Address, "Transient", T0, "s1"),
            Bounce(Address, "Transient", T0.AddDays(3), "s2"),
            Bounce(Address, "Transient", T0.AddDays(7).AddMilliseconds(1), "s3"));

        Assert.Equal(MailingState.Active, record.State);
        Assert.Equal(2, record.SoftBounceCount);
    }

    [Fact]
    public void Apply_DeliveryBetweenSoftBounces_ResetsCount()
    {
        var record = Run(
            Bounce(Address, "Transient", T0, "s1"),
            Bounce(Address, "Transient", T0.AddHours(1), "s2"),
            Delivery(Address, T0.AddHours(2), "m1"),
            Bounce(Address, "Transient", T0.AddHours(3), "s3"));

        Assert.Equal(MailingState.Active, record.State);
        Assert.Equal(1, record.SoftBounceCount);
    }

    [Fact]
    public void Apply_LateDeliveryOlderThanSoftBounces_DoesNotResetThem()
    {
        var record = Run(
            Bounce(Address, "Transient", T0.AddHours(1), "s1"),
            Bounce(Address, "Transient", T0.AddHours(2), "s2"),
            Delivery(Address, T0, "m-old"),
            Bounce(Address, "Transient", T0.AddHours(3), "s3"));

        Assert.Equal(MailingState.Suppressed, record.State);
        Assert.Equal(3, record.SoftBounceCount);
    }

    [Fact]
    public void Apply_CustomPolicy_UsesItsLimitAndWindow()
    {
        var rules = new MailingRules(new SoftBouncePolicy(2, TimeSpan.FromHours(1)));
        var first = One(Bounce(Address, "Transient", T0, "s1"));
        var second = One(Bounce(Address, "Transient", T0.AddMinutes(59), "s2"));

        var record = rules.Apply(rules.Apply(null, first), second)!;

        Assert.Equal(MailingState.Suppressed, record.State);
    }

    [Fact]
    public void Apply_DeliveryAfterComplaint_KeepsSuppression()
    {
        var record = Run(Complaint(Address, T0, "c1"), Delivery(Address, T0.AddDays(1), "m1"));

        Assert.Equal(MailingState.Suppressed, record.State);
        Assert.Equal("Complaint", record.SuppressionReason);
    }

    [Fact]
    public void Apply_DeliveryAfterPermanentBounce_KeepsSuppression()
    {
        var record = Run(Bounce(Address, "Permanent", T0, "b1"), Delivery(Address, T0.AddDays(1), "m1"));

        Assert.Equal(MailingState.Suppressed, record.State);
    }

    [Fact]
    public void Apply_DeliveryAfterSoftLimit_LiftsSoftSuppressionOnly()
    {
        var record = Run(
            Bounce(Address, "Transient", T0, "s1"),
            Bounce(Address, "Transient", T0.AddHours(1), "s2"),
            Bounce(Address, "Transient", T0.AddHours(2), "s3"),
            Delivery(Address, T0.AddHours(3), "m1"));

        Assert.Equal(MailingState.Active, record.State);
        Assert.Equal(0, record.SoftBounceCount);
    }

    [Fact]
    public void Apply_SameEventTwice_SecondChangesNothing()
    {
        var bounce = One(Bounce(Address, "Transient", T0, "s1"));
        var once = _rules.Apply(null, bounce)!;

        var twice = _rules.Apply(once, bounce);

        Assert.Null(twice);
        Assert.Equal(1, once.Totals["Bounce"]);
    }

    [Fact]
    public void Apply_UnsuppressThenOlderComplaint_StaysActive()
    {
        var suppressed = Run(Complaint(Address, T0, "c1"));
        var unsuppress = new FeedbackEvent(Address, new MailingEvent("u1", MailingEventKind.Unsuppress, T0.AddDays(2)) { Note = "customer asked" });
        var lifted = _rules.Apply(suppressed, unsuppress)!;

        var late = _rules.Apply(lifted, One(Complaint(Address, T0.AddDays(1), "c0")))!;

        Assert.Equal(MailingState.Active, lifted.State);
        Assert.Equal(MailingState.Active, late.State);
        Assert.Equal(2, late.Totals["Complaint"]);
        Assert.Equal("customer asked", Assert.Single(late.Unsuppressions).Note);
    }

    [Fact]
    public void Apply_UnsuppressThenNewerComplaint_SuppressesAgain()
    {
        var suppressed = Run(Complaint(Address, T0, "c1"));
        var unsuppress = new FeedbackEvent(Address, new MailingEvent("u1", MailingEventKind.Unsuppress, T0.AddDays(2)) { Note = "ok" });

        var record = _rules.Apply(_rules.Apply(suppressed, unsuppress), One(Complaint(Address, T0.AddDays(3), "c2")))!;

        Assert.Equal(MailingState.Suppressed, record.State);
        Assert.Equal(T0.AddDays(3), record.SuppressedSince);
    }

    [Fact]
    public void Apply_OlderEventAfterNewer_DoesNotOverwriteLatestFields()
    {
        var newer = Delivery(Address, T0.AddDays(1), "m-new");
        var older = Delivery(Address, T0, "m-old");

        var record = Run(newer, older);

        Assert.Equal("m-new", record.LastMessageId);
        Assert.Equal(T0.AddDays(1), record.LastEventAt["Delivery"]);
        Assert.Equal(2, record.Totals["Delivery"]);
    }

    [Fact]
    public void Apply_ManyDeliveries_KeepsHistoryBounded()
    {
        var messages = Enumerable.Range(0, 200).Select(i => Delivery(Address, T0.AddMinutes(i), $"m{i}")).ToArray();

        var record = Run(messages);

        Assert.Equal(200, record.Totals["Delivery"]);
        Assert.Equal(MailingRules.SeenCapacity, record.Seen.Length);
    }

    [Fact]
    public void Apply_AllOrdersOfMixedEvents_GiveTheSameRecord()
    {
        var events = MixedEvents().Select(One).ToArray();
        var expected = Fingerprint(ApplyInOrder(events));

        foreach (var order in Permutations.Of(events.Length))
        {
            var record = ApplyInOrder(order.Select(i => events[i]));
            Assert.Equal(expected, Fingerprint(record));
        }

        Assert.Contains("Suppressed", expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Apply_RandomHistoriesShuffledWithRepeats_GiveTheSameRecord(int seed)
    {
        var random = new Random(seed);
        var pool = Enumerable.Range(0, 14).Select(i => random.Next(5) switch
        {
            0 => Delivery(Address, T0.AddHours(random.Next(400)), $"m{i}"),
            1 => Complaint(Address, T0.AddHours(random.Next(400)), $"c{i}"),
            2 => Bounce(Address, "Permanent", T0.AddHours(random.Next(400)), $"p{i}"),
            _ => Bounce(Address, random.Next(2) == 0 ? "Transient" : "Undetermined", T0.AddHours(random.Next(400)), $"s{i}"),
        }).Select(One).ToList();
        var unsuppress = new FeedbackEvent(Address, new MailingEvent("u", MailingEventKind.Unsuppress, T0.AddHours(200)) { Note = "test" });
        pool.Add(unsuppress);
        var expected = Fingerprint(ApplyInOrder(pool));

        for (var round = 0; round < 50; round++)
        {
            var arrival = pool.Concat(pool.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Fingerprint(ApplyInOrder(arrival)));
        }
    }

    internal static string[] MixedEvents() =>
    [
        Bounce(Address, "Permanent", T0.AddHours(5), "hard"),
        Complaint(Address, T0.AddHours(2), "complaint"),
        Delivery(Address, T0.AddHours(3), "delivery"),
        Bounce(Address, "Transient", T0.AddHours(1), "soft1"),
        Bounce(Address, "Transient", T0.AddHours(4), "soft2"),
        Bounce(Address, "Transient", T0.AddHours(6), "soft3"),
    ];

    internal static string Fingerprint(MailingRecord r) =>
        string.Join('|', r.State, r.SuppressionReason, r.SuppressedSince?.ToUnixTimeMilliseconds(), r.SuppressedBy?.Key, r.SoftBounceCount,
            r.SoftLimitEvent?.Key, r.SoftLimitWindowStart?.ToUnixTimeMilliseconds(), string.Join(',', r.Totals), string.Join(',', r.LastEventAt.Select(p => $"{p.Key}={p.Value.ToUnixTimeMilliseconds()}")),
            r.LastMessageId, r.LastFeedbackId, r.LatestEvent?.Key, string.Join(',', r.HardEvents.Select(e => e.Key)),
            string.Join(',', r.SoftBounces.Select(e => e.Key)), string.Join(',', r.Seen.Select(s => s.Key)));

    private MailingRecord ApplyInOrder(IEnumerable<FeedbackEvent> events)
    {
        MailingRecord? record = null;
        foreach (var e in events)
        {
            record = _rules.Apply(record, e) ?? record;
        }

        return record!;
    }
}
