using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SesFeedback.Feedback;

using LambdaSuite.TestKit.Mutation;

namespace SesFeedback.Tests.Feedback;

/// <summary>Issue 19, "Also": random mutations of valid SES messages never crash the parser; each ends in events (or recipients skipped with reasons) or one error sentence.</summary>
public class SesMessageParserPropertyTests
{
    private static readonly string[] Valid =
    [
        SesMessages.ReadTestData("notification-bounce-permanent.json"),
        SesMessages.ReadTestData("notification-complaint.json"),
        SesMessages.ReadTestData("notification-delivery.json"),
        SesMessages.ReadTestData("event-open.json"),
        SesMessages.ReadTestData("event-click.json"),
    ];

    private static readonly char[] Noise = ['"', '{', '}', '[', ']', ':', ',', '\\', '<', '>', '@', '9', '-', 'T', 'Z', ' ', '\u212A', '\u200B', (char)0xD800, 'n', 'u', 'l'];

    [Property(MaxTest = 2000)]
    public Property Parse_RandomMutationsOfValidMessages_NeverThrow() =>
        Prop.ForAll(Arb.From(Gen.Elements(Valid).SelectMany(json => Mutations.Select(m => TextMutator.Apply(json, m)))), json =>
        {
            var result = SesMessageParser.Parse(json, SesMessages.T0.AddYears(20));

            return result.Error is not null ? result.Events.Count == 0 : result.Events.Count + result.SkippedRecipients.Count > 0;
        });

    private static Gen<(int Position, int Action, char Char)[]> Mutations =>
        Gen.Choose(0, 100_000).SelectMany(position => Gen.Choose(0, 2).SelectMany(action => Gen.Elements(Noise).Select(c => (position, action, c)))).NonEmptyListOf().Select(l => l.ToArray());
}
