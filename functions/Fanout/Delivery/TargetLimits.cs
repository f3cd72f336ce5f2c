using LambdaSuite.Data.Fanout;

namespace Fanout.Delivery;

/// <summary>
/// What one call to a destination may carry. Every service limit the function obeys is in <see cref="For"/>, as data.
/// </summary>
/// <param name="MaxEntriesPerCall">Entries in one call (PutRecords 500, SendMessageBatch 10, …).</param>
/// <param name="MaxBytesPerCall">Payload bytes in one call, summed over entries.</param>
/// <param name="MaxBytesPerEntry">Largest single entry; a bigger record goes to the dead-letter destination.</param>
/// <param name="CountsPartitionKey">True when the partition key counts toward the entry's size (Kinesis).</param>
/// <param name="EntryOverhead">Bytes added per entry for message attributes the function sets.</param>
/// <param name="XmlText">True when bodies travel as XML 1.0 text (SQS, SNS): any other body is sent as base64.</param>
internal sealed record TargetLimits(int MaxEntriesPerCall, int MaxBytesPerCall, int MaxBytesPerEntry, bool CountsPartitionKey = false, int EntryOverhead = 0, bool XmlText = false)
{
    private const int KiB = 1024;
    private const int MiB = 1024 * KiB;

    /// <summary>Attribute bytes the function adds to SNS/SQS messages (name, type and value of <c>fanout-id</c>).</summary>
    public const int IdAttributeOverhead = 128;

    /// <summary>
    /// Attribute bytes of <c>fanout-encoding</c> = <c>base64</c> (name, data type <c>String</c>, value): SQS and SNS
    /// count an attribute's name, type and value toward the message size.
    /// </summary>
    public static readonly int EncodingAttributeOverhead = Targets.MessageText.EncodingAttribute.Length + "String".Length + "base64".Length;

    public static TargetLimits For(FanoutTargetType type) => type switch
    {
        // PutRecords: 500 records, 5 MiB per call; data + partition key <= 1 MiB per record.
        FanoutTargetType.Kinesis => new(500, 5 * MiB, 1 * MiB, CountsPartitionKey: true),
        // PutRecordBatch: 500 records, 4 MiB per call, 1,000 KiB per record.
        FanoutTargetType.Firehose => new(500, 4 * MiB, 1000 * KiB),
        // SendMessageBatch: 10 messages, 1 MiB per call and per message (attributes count).
        FanoutTargetType.Sqs => new(10, 1 * MiB, 1 * MiB, EntryOverhead: IdAttributeOverhead, XmlText: true),
        // PublishBatch: 10 messages, 256 KiB per call and per message (attributes count).
        FanoutTargetType.Sns => new(10, 256 * KiB, 256 * KiB, EntryOverhead: IdAttributeOverhead, XmlText: true),
        // IoT Data Publish: one message of at most 128 KiB per call; calls of a group run concurrently.
        FanoutTargetType.Iot => new(16, 16 * 128 * KiB, 128 * KiB),
        // Lambda asynchronous Invoke: one payload of at most 1 MB (1,048,576 bytes) per call.
        FanoutTargetType.Lambda => new(16, 16 * MiB, 1 * MiB),
        // OpenSearch _bulk: 10 MiB is the smallest http.max_content_length of managed domains.
        FanoutTargetType.OpenSearch => new(1000, 10 * MiB, 10 * MiB - 1 * KiB),
        // Redis: pipelined SETs; values up to 512 MB are legal, 16 MiB keeps one pipeline's memory bounded.
        FanoutTargetType.Redis => new(200, 16 * MiB, 16 * MiB),
        // Memcached: default item size limit 1 MiB including key and item header (~50 bytes).
        FanoutTargetType.Memcached => new(200, 8 * MiB, 1 * MiB - 512),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown target type."),
    };

    /// <summary>Bytes an entry counts for against <see cref="MaxBytesPerEntry"/> and <see cref="MaxBytesPerCall"/>.</summary>
    public int SizeOf(in OutgoingMessage message) =>
        BodySize(message.Body.Length, message.SentAsBase64) + (CountsPartitionKey ? System.Text.Encoding.UTF8.GetByteCount(message.PartitionKey) : 0);

    /// <summary>
    /// Bytes a body of <paramref name="length"/> bytes counts for as sent: base64 makes 4 characters of every 3 bytes
    /// (the last group padded) and adds the encoding attribute; the per-entry attributes come on top.
    /// </summary>
    public int BodySize(int length, bool sentAsBase64) =>
        (sentAsBase64 ? (4 * ((length + 2) / 3)) + EncodingAttributeOverhead : length) + EntryOverhead;
}
