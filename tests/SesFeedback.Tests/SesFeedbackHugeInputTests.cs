using System.Text;
using System.Text.Json.Nodes;
using LambdaSuite.Data.Mailing;
using LambdaSuite.TestKit.Runtime;
using SesFeedback.Feedback;
using SesFeedback.Mailing;
using SesFeedback.Tests.Mailing;
using static SesFeedback.Tests.SesMessages;

using SesFeedback.Tests.Support;

namespace SesFeedback.Tests;

/// <summary>Issue 19, item 4 on DynamoDB Local: a legal but huge bounce is applied, and so is the record after it.</summary>
[Trait("Category", "Integration")]
public sealed class SesFeedbackHugeInputTests : MailingTableTestBase
{
    [Fact]
    public async Task InvokeAsync_SnsEventWithA200KilobyteDiagnosticCodeThenAGoodRecord_AppliesBoth()
    {
        var store = Store();
        var function = Function();
        var huge = HugeMessages.Bounce("huge@shop.example.org", "Permanent", T0, "f-huge", HugeMessages.Diagnostic(200 * 1024));
        var good = Complaint("good@shop.example.org", T0, "f-good");
        var json = SnsEvent(("sns-huge", huge), ("sns-good", good));

        var response = JsonNode.Parse(await function.InvokeAsync(Encoding.UTF8.GetBytes(json), new TestLambdaContext()))!;

        Assert.Equal(2, (int)response["applied"]!);
        var stored = (await store.GetAsync("huge@shop.example.org"))!;
        Assert.Equal(MailingState.Suppressed, stored.State);
        Assert.Equal(MailingBounds.MaxDiagnosticCodeBytes, Encoding.UTF8.GetByteCount(stored.SuppressedBy!.DiagnosticCode!));
        Assert.Equal(MailingState.Suppressed, (await store.GetAsync("good@shop.example.org"))!.State);
    }

    [Fact]
    public async Task ApplyAsync_ThousandBouncesOfOneAddressWithLongDiagnostics_AllApply()
    {
        var service = new FeedbackService(Store(), new MailingRules(new SoftBouncePolicy(1000, TimeSpan.FromDays(30))));
        var diagnostic = HugeMessages.Diagnostic(5 * 1024);

        for (var i = 0; i < 1000; i++)
        {
            var result = await service.ApplyAsync(HugeMessages.Bounce("busy@shop.example.org", "Transient", T0.AddMinutes(i), $"f-{i}", diagnostic), CancellationToken.None);
            Assert.Equal(1, result.Applied);
        }

        var stored = (await Store().GetAsync("busy@shop.example.org"))!;
        Assert.Equal(1000, stored.Totals["Bounce"]);
        Assert.Equal(MailingState.Suppressed, stored.State);
        Assert.Equal("SoftBounceLimit", stored.SuppressionReason);
    }

    [Fact]
    public async Task ApplyAsync_WorstCaseRecord_IsWrittenAndReadBack()
    {
        var rules = new MailingRules(new SoftBouncePolicy(1000, TimeSpan.FromDays(3650)));
        var worst = MailingBoundsTests.WorstCase(rules, softBounces: rules.SoftBounceCapacity);

        var outcome = await Store().ApplyAsync(worst.Address, _ => worst);

        Assert.True(outcome.Changed);
        var stored = (await Store().GetAsync(worst.Address))!;
        Assert.Equal(rules.SoftBounceCapacity, stored.SoftBounces.Length);
        Assert.Equal(worst.HardEvents.Length, stored.HardEvents.Length);
    }
}
