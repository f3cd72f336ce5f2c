namespace Fanout.Delivery;

/// <summary>
/// Why a healthy target does not get a batch again: when an invocation reports a batch item failure, Lambda sends
/// the records from the failed one onward again. Before answering, the function notes here which records each target
/// already took; on the retry those are skipped for that target. The memory is per container and bounded (oldest
/// forgotten first); a retry that lands on another container re-sends, and the idempotency keys forwarded to the
/// destination (SQS FIFO de-duplication id, OpenSearch _id, fanout-id attribute) are the backstop.
/// </summary>
internal sealed class DeliveryLedger(int capacity = 200_000)
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _keys.Count;
            }
        }
    }

    public static string KeyOf(string targetName, string sourceArn, string idempotencyKey) => targetName + "|" + sourceArn + "|" + idempotencyKey;

    public void Remember(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_keys.Add(key))
                {
                    _order.Enqueue(key);
                }
            }

            while (_keys.Count > capacity && _order.TryDequeue(out var oldest))
            {
                _keys.Remove(oldest);
            }
        }
    }

    /// <summary>True (and forgotten, since the retry now delivers past it) when the record was taken before.</summary>
    public bool TryConsume(string key)
    {
        lock (_gate)
        {
            return _keys.Count > 0 && _keys.Remove(key);
        }
    }

    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _keys.Count == 0;
            }
        }
    }
}
