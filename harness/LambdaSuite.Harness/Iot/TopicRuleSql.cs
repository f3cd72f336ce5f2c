namespace LambdaSuite.Harness.Iot;

/// <summary>A parsed rule statement: <c>SELECT items FROM 'topic filter' [WHERE topic(n) = '...' [AND ...]]</c>.</summary>
public sealed record TopicRuleSql(IReadOnlyList<SelectItem> Select, string From, IReadOnlyList<TopicCondition> Where)
{
    public static TopicRuleSql Parse(string sql) => TopicRuleSqlParser.Parse(sql);
}
