using Fanout.Kpl;

namespace Fanout.Records;

/// <summary>
/// The records of one invocation from one source, with the views targets ask for built once and shared: as
/// received, KPL-deaggregated (Kinesis), or converted to plain JSON (DynamoDB Streams).
/// </summary>
internal sealed class SourceBatch : IDisposable
{
    private readonly Func<FanoutRecord[]>? _convert;
    private readonly Lazy<FanoutRecord[]> _records;
    private byte[]? _pooled;
    private Range[]? _pooledRanges;
    private (FanoutRecord[] Records, RecordProblem[] Problems)? _deaggregated;
    private FanoutRecord[]? _converted;

    public SourceBatch(string sourceArn, SourceKind kind, SequenceNumberList sequenceNumbers, FanoutRecord[] records, Func<FanoutRecord[]>? convert = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceArn);
        ArgumentNullException.ThrowIfNull(sequenceNumbers);
        ArgumentNullException.ThrowIfNull(records);
        SourceArn = sourceArn;
        Kind = kind;
        SequenceNumbers = sequenceNumbers;
        _records = new Lazy<FanoutRecord[]>(() => records);
        _convert = convert;
    }

    /// <summary>Records written on first use (DynamoDB typed JSON is built only when a target takes that form).</summary>
    public SourceBatch(string sourceArn, SourceKind kind, SequenceNumberList sequenceNumbers, Func<FanoutRecord[]> records, Func<FanoutRecord[]>? convert = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceArn);
        ArgumentNullException.ThrowIfNull(sequenceNumbers);
        ArgumentNullException.ThrowIfNull(records);
        SourceArn = sourceArn;
        Kind = kind;
        SequenceNumbers = sequenceNumbers;
        _records = new Lazy<FanoutRecord[]>(records);
        _convert = convert;
    }

    /// <summary>
    /// Gives <paramref name="buffer"/> (rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, holding the
    /// records' data) to this batch: <see cref="Dispose"/> returns it, after which the records must not be read.
    /// </summary>
    public void OwnPooledBuffer(byte[] buffer) => _pooled = buffer;

    /// <summary>
    /// Gives <paramref name="ranges"/> (rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, holding the
    /// sequence number and event ID ranges) to this batch: <see cref="Dispose"/> returns it, after which
    /// <see cref="SequenceNumbers"/> and <see cref="EventIdOf"/> must not be read.
    /// </summary>
    public void OwnPooledRanges(Range[] ranges) => _pooledRanges = ranges;

    /// <summary>
    /// Returns the pooled buffers, if any (without them, they are simply left to the GC), and empties the record
    /// arrays. A batch of 10,000 records has them on the large object heap, which only a gen2 collection frees: until
    /// then every dead array still pointed at the young objects of its invocation (key strings, the lazy data), and
    /// each gen0/gen1 collection found them through the card table and kept them, piling up invocation after
    /// invocation (a gen0 collection promoted 2.8-3.6 MB and paused 12-24 ms).
    /// </summary>
    public void Dispose()
    {
        if (_records.IsValueCreated)
        {
            Array.Clear(_records.Value);
        }

        if (_deaggregated is { } deaggregated)
        {
            Array.Clear(deaggregated.Records);
        }

        if (_converted is { } converted)
        {
            Array.Clear(converted);
        }

        if (Interlocked.Exchange(ref _pooled, null) is { } buffer)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        if (Interlocked.Exchange(ref _pooledRanges, null) is { } ranges)
        {
            System.Buffers.ArrayPool<Range>.Shared.Return(ranges);
        }
    }

    public string SourceArn { get; }

    /// <summary>
    /// Event records that could not be read (see <see cref="RecordProblemKind.Undecodable"/>): they are in
    /// <see cref="SequenceNumbers"/> but in no view, and every target settles them as it settles its own problems
    /// (dead letter, or a logged drop), so one of them never blocks the shard.
    /// </summary>
    public RecordProblem[] ReadProblems { get; init; } = [];

    public SourceKind Kind { get; }

    /// <summary>Sequence number of each Lambda event record, by parent index.</summary>
    public SequenceNumberList SequenceNumbers { get; }

    /// <summary>The records as received (Kinesis data as is; DynamoDB records as typed stream-record JSON).</summary>
    public FanoutRecord[] Records => _records.Value;

    /// <summary>
    /// Each event record's <c>eventID</c> by parent index, when the reader kept it (Kinesis: <c>shardId-…:sequence</c>);
    /// read as text only when asked, since only a record that could not be delivered needs it.
    /// </summary>
    public Func<int, string>? EventIdOf { get; init; }

    /// <summary>
    /// The shard a record came from, when the event says (Kinesis names it in <c>eventID</c>; a DynamoDB Streams
    /// event does not, and the shard is the one whose sequence number range holds the record).
    /// </summary>
    public string? ShardIdOf(int parentIndex)
    {
        var id = EventIdOf is { } read && (uint)parentIndex < (uint)Count ? read(parentIndex) : null;
        var colon = id?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return Kind == SourceKind.Kinesis && colon > 0 ? id![..colon] : null;
    }

    /// <summary>Lambda event records in the batch (KPL aggregates count once).</summary>
    public int Count => SequenceNumbers.Length;

    /// <summary>Deterministic id of a record: the source sequence number, with "-N" for the Nth user record of an aggregate.</summary>
    public string IdempotencyKey(in FanoutRecord record) =>
        record.SubIndex < 0 ? SequenceNumbers[record.ParentIndex] : SequenceNumbers[record.ParentIndex] + "-" + record.SubIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>User records of every aggregate (ordinary records pass through); corrupt aggregates become problems.</summary>
    public (FanoutRecord[] Records, RecordProblem[] Problems) Deaggregated()
    {
        if (_deaggregated is { } done)
        {
            return done;
        }

        // The user records gather in a pooled list (a growing list put each doubling, up to 900 KB, on the large
        // object heap) and are copied once into an array of their exact count.
        var records = new PooledArrayList<FanoutRecord>(Records.Length * 4);
        var problems = new List<RecordProblem>();
        var users = new List<KplUserRecord>();
        var scratch = new KplScratch();
        try
        {
            foreach (var listed in Records)
            {
                // The protobuf reader takes many small spans: over the decoded array itself, not the lazy memory.
                var record = listed with { Data = LazyBase64Data.AsArrayMemory(listed.Data) };
                if (!KplAggregate.HasMagic(record.Data.Span))
                {
                    records.Add(record);
                    continue;
                }

                users.Clear();
                try
                {
                    KplAggregate.Deaggregate(record.Data, record.PartitionKey, record.ExplicitHashKey, users, scratch);
                }
                catch (KplFormatException e)
                {
                    problems.Add(new RecordProblem(RecordProblemKind.Corrupt, record.ParentIndex, -1, record.PartitionKey, record.Data, e.Message));
                    continue;
                }

                for (var i = 0; i < users.Count; i++)
                {
                    records.Add(new FanoutRecord(record.ParentIndex, i, users[i].PartitionKey, users[i].ExplicitHashKey, users[i].Data));
                }
            }

            _deaggregated = (records.Items.ToArray(), [.. problems]);
        }
        finally
        {
            records.Return();
        }

        return _deaggregated.Value;
    }

    /// <summary>DynamoDB records as plain JSON; the records as received when there is no conversion.</summary>
    public FanoutRecord[] Converted() => _converted ??= _convert?.Invoke() ?? Records;
}
