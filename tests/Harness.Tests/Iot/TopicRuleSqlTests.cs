using System.Text;
using LambdaSuite.Harness.Iot;

namespace Harness.Tests.Iot;

/// <summary>The SQL subset's parser and evaluator beyond the template's two statements.</summary>
public sealed class TopicRuleSqlTests
{
    private static readonly DateTimeOffset s_at = DateTimeOffset.FromUnixTimeMilliseconds(5);

    [Fact]
    public void Parse_LowerCaseKeywordsTopicSegmentsAndWhere_EveryPartRead()
    {
        var sql = TopicRuleSql.Parse("select topic(2) as serial, 'it''s' as note from 'a/+/b/#' where topic(1) = 'a' and topic(3) = 'b'");

        Assert.Equal([new SelectItem(SelectFunction.Topic, "serial", TopicSegment: 2), new SelectItem(SelectFunction.Literal, "note", "it's")], sql.Select);
        Assert.Equal("a/+/b/#", sql.From);
        Assert.Equal([new TopicCondition(1, "a"), new TopicCondition(3, "b")], sql.Where);
    }

    [Theory]
    [InlineData("SELECT * FROM devices/+/register", "quoted string")]
    [InlineData("SELECT clientid() FROM 'a'", "AS")]
    [InlineData("SELECT upper(x) AS y FROM 'a'", "upper")]
    [InlineData("SELECT * FROM 'a/b+'", "topic filter")]
    [InlineData("SELECT * FROM 'a/#/b'", "topic filter")]
    [InlineData("SELECT * FROM 'a' WHERE x = 'b'", "topic(n)")]
    [InlineData("SELECT * FROM 'a' WHERE topic(0) = 'b'", "from 1")]
    [InlineData("SELECT * FROM 'a' ORDER BY x", "end of the statement")]
    [InlineData("SELECT * FROM 'a/b", "not closed")]
    [InlineData("SELECT topic() AS t, clientid() AS t FROM 'a'", "twice")]
    public void Parse_OutsideTheSubset_RefusedWithWhatWasExpected(string sql, string expected)
    {
        var error = Assert.Throws<TopicRuleSqlException>(() => TopicRuleSql.Parse(sql));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT * FROM 'a/+/c' WHERE topic(2) = 'b'", "a/b/c", true)]
    [InlineData("SELECT * FROM 'a/+/c' WHERE topic(2) = 'b'", "a/x/c", false)]
    [InlineData("SELECT * FROM 'a/#' WHERE topic(4) = 'd'", "a/b", false)]
    [InlineData("SELECT * FROM 'a/#'", "a", true)]
    [InlineData("SELECT * FROM '#'", "$SYS/broker", false)]
    public void Evaluate_FilterAndWhere_MatchedOnlyWhenBothHold(string sql, string topic, bool matched)
    {
        var result = TopicRuleEvaluator.Evaluate(TopicRuleSql.Parse(sql), new RuleMessage(topic, "{}"u8.ToArray(), null, null, s_at));

        Assert.Equal(matched, result.Matched);
    }

    [Fact]
    public void Evaluate_TopicSegmentPastTheEnd_LeftOut()
    {
        var sql = TopicRuleSql.Parse("SELECT topic(1) AS first, topic(9) AS ninth, timestamp() AS at FROM 'a/#'");

        var result = TopicRuleEvaluator.Evaluate(sql, new RuleMessage("a/b", "not json"u8.ToArray(), null, null, s_at));

        Assert.Equal("""{"first":"a","at":5}""", Encoding.UTF8.GetString(result.Event!));
    }
}
