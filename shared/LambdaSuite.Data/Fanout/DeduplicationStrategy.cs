namespace LambdaSuite.Data.Fanout;

/// <summary>
/// FIFO de-duplication id: Sequence (the source record's sequence number, plus the KPL sub-record index; the default,
/// deterministic across retries), Content (let the queue or topic hash the body; needs content-based de-duplication on it).
/// </summary>
public enum DeduplicationStrategy
{
    Sequence,
    Content,
}
