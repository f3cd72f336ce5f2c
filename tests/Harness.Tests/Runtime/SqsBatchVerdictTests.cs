using System.Text;
using LambdaSuite.Harness.Runtime;

namespace Harness.Tests.Runtime;

/// <summary>The success and failure conditions Lambda documents for SQS partial batch responses.</summary>
public sealed class SqsBatchVerdictTests
{
    private static readonly string[] s_batch = ["id-1", "id-2", "id-3"];

    public static TheoryData<string, string[]> PartialAnswers => new()
    {
        { """{"batchItemFailures":[]}""", [] },
        { """{"batchItemFailures":null}""", [] },
        { "{}", [] },
        { "", [] },
        { " \n\t ", [] },
        { "null", [] },
        { """{"batchItemFailures":[{"itemIdentifier":"id-2"}]}""", ["id-2"] },
        { """{"batchItemFailures":[{"itemIdentifier":"id-3"},{"itemIdentifier":"id-1"}],"applied":1}""", ["id-1", "id-3"] },
    };

    public static TheoryData<string> WholeBatchAnswers => new()
    {
        """{"batchItemFailures":[{"itemIdentifier":""}]}""",
        """{"batchItemFailures":[{"itemIdentifier":null}]}""",
        """{"batchItemFailures":[{"itemIdentifier":"id-2"},{"itemIdentifier":"not-in-batch"}]}""",
        """{"batchItemFailures":[{"itemidentifier":"id-2"}]}""",
        "not json",
    };

    [Theory]
    [MemberData(nameof(PartialAnswers))]
    public void Judge_ValidAnswer_FailsExactlyTheNamedMessages(string answer, string[] expected)
    {
        var outcome = new InvocationOutcome("r", false, Encoding.UTF8.GetBytes(answer), null, 0);

        var verdict = SqsBatchVerdict.Judge(outcome, s_batch);

        Assert.False(verdict.WholeBatchFailed);
        Assert.Equal(expected, verdict.FailedMessageIds.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(WholeBatchAnswers))]
    public void Judge_InvalidIdentifier_FailsTheWholeBatchWithAReason(string answer)
    {
        var outcome = new InvocationOutcome("r", false, Encoding.UTF8.GetBytes(answer), null, 0);

        var verdict = SqsBatchVerdict.Judge(outcome, s_batch);

        Assert.True(verdict.WholeBatchFailed);
        Assert.Equal(s_batch, verdict.FailedMessageIds.Order(StringComparer.Ordinal));
        Assert.False(string.IsNullOrEmpty(verdict.Reason));
    }

    [Fact]
    public void Judge_FunctionError_FailsTheWholeBatchNamingTheError()
    {
        var outcome = new InvocationOutcome("r", true, """{"errorMessage":"boom","errorType":"Oops"}"""u8.ToArray(), "Oops", 0);

        var verdict = SqsBatchVerdict.Judge(outcome, s_batch);

        Assert.True(verdict.WholeBatchFailed);
        Assert.Equal(3, verdict.FailedMessageIds.Count);
        Assert.Contains("boom", verdict.Reason, StringComparison.Ordinal);
    }
}
