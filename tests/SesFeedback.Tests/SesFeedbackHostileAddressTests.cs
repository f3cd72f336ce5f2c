using System.Text;
using System.Text.Json.Nodes;
using LambdaSuite.Data.Mailing;
using LambdaSuite.TestKit.Runtime;
using static SesFeedback.Tests.SesMessages;

using SesFeedback.Tests.Support;

namespace SesFeedback.Tests;

/// <summary>Issue 19, item 3, end to end on DynamoDB Local: a fabricated address suppresses no other mailbox.</summary>
[Trait("Category", "Integration")]
public sealed class SesFeedbackHostileAddressTests : MailingTableTestBase
{
    [Fact]
    public async Task InvokeAsync_ComplaintsForFabricatedAddresses_SuppressNoVictim()
    {
        var store = Store();
        var function = Function();
        var context = new TestLambdaContext();
        string[] fabricated = ["\"<victim1@v.example>\"@evil.example", "attacker@evil.example (<victim2@v.example>)", "\"attacker<victim3@v.example>\"@evil.example"];
        var json = SnsEvent(fabricated.Select((address, i) => ($"sns-{i}", Complaint(address, T0.AddMinutes(i), $"fb-{i}"))).ToArray());

        var response = JsonNode.Parse(await function.InvokeAsync(Encoding.UTF8.GetBytes(json), context))!;

        foreach (var victim in new[] { "victim1@v.example", "victim2@v.example", "victim3@v.example" })
        {
            Assert.Null(await store.GetAsync(victim));
        }

        Assert.Equal(MailingState.Suppressed, (await store.GetAsync("\"<victim1@v.example>\"@evil.example"))!.State);
        Assert.Equal(MailingState.Suppressed, (await store.GetAsync("\"attacker<victim3@v.example>\"@evil.example"))!.State);
        var skipped = Assert.Single(response["skippedRecipients"]!.AsArray())!;
        Assert.Equal(fabricated[1], skipped["address"]!.GetValue<string>());
        Assert.Contains("comment", skipped["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var warning = Assert.Single(context.Logger.Lines, l => l.Message.StartsWith("SES recipient refused", StringComparison.Ordinal));
        Assert.Equal("sns-1", warning.Fields["messageId"]);
        Assert.DoesNotContain(context.Logger.Lines, l => l.Fields.Values.Any(v => v?.Contains("victim2", StringComparison.Ordinal) == true));
    }
}
