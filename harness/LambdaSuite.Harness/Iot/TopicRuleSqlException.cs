namespace LambdaSuite.Harness.Iot;

/// <summary>A rule's SQL the local rule engine cannot run: the message names the offset and what was expected.</summary>
public sealed class TopicRuleSqlException : Exception
{
    public TopicRuleSqlException()
    {
    }

    public TopicRuleSqlException(string message)
        : base(message)
    {
    }

    public TopicRuleSqlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TopicRuleSqlException(string message, int offset)
        : base(message)
    {
        Offset = offset;
    }

    /// <summary>Where in the statement the problem starts (0-based), or -1.</summary>
    public int Offset { get; } = -1;
}
