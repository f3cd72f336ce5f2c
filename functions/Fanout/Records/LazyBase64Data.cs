using System.Buffers;
using System.Buffers.Text;
using System.Runtime.InteropServices;

namespace Fanout.Records;

/// <summary>
/// The decoded data of a Kinesis batch's records, decoded only when some target reads it. Each record's
/// <see cref="FanoutRecord.Data"/> is a slice of this memory with its exact length (known from the base64 text), so
/// sizes and entries are worked out without decoding; a target that forwards the base64 as the event carried it (a
/// Kinesis destination) never reads the bytes, and the batch skips decoding 10 MB it would not use. The first read of
/// any record's bytes (KPL check, SQS body, dead-letter message) decodes every record at once. The text was checked
/// when the event was read (<see cref="KinesisEventReader"/>), so decoding cannot fail here.
/// </summary>
internal sealed class LazyBase64Data(byte[] buffer, int length) : MemoryManager<byte>
{
    private readonly byte[] _buffer = buffer;
    private readonly Lock _gate = new();
    private FanoutRecord[] _records = [];
    private volatile bool _decoded;

    /// <summary>The records whose <see cref="FanoutRecord.Data"/> slices this memory, each with its base64 token.</summary>
    public void Attach(FanoutRecord[] records) => _records = records ?? throw new ArgumentNullException(nameof(records));

    /// <summary>
    /// <paramref name="data"/> decoded and backed by the array itself, for a reader that takes many small spans of it
    /// (the KPL protobuf reader): each span of this memory goes through <see cref="GetSpan"/>, a virtual call, where an
    /// array's is a few instructions. Memory this type does not back is returned as it is.
    /// </summary>
    public static ReadOnlyMemory<byte> AsArrayMemory(ReadOnlyMemory<byte> data)
    {
        if (!MemoryMarshal.TryGetMemoryManager<byte, LazyBase64Data>(data, out var owner, out var start, out var size))
        {
            return data;
        }

        owner.EnsureDecoded();
        return owner._buffer.AsMemory(start, size);
    }

    /// <summary>A record's slice, made without decoding (the base class's <c>Memory</c> would read the span first).</summary>
    public ReadOnlyMemory<byte> Slice(int start, int size) => CreateMemory(start, size);

    public override Span<byte> GetSpan()
    {
        EnsureDecoded();
        return _buffer.AsSpan(0, length);
    }

    public override MemoryHandle Pin(int elementIndex = 0)
    {
        EnsureDecoded();
        return _buffer.AsMemory(elementIndex, length - elementIndex).Pin();
    }

    public override void Unpin()
    {
        // The handle Pin returns pins the array itself and is released by its own Dispose.
    }

    protected override bool TryGetArray(out ArraySegment<byte> segment)
    {
        EnsureDecoded();
        segment = new ArraySegment<byte>(_buffer, 0, length);
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        // The buffer belongs to the batch, which returns it to the pool.
    }

    private void EnsureDecoded()
    {
        if (_decoded)
        {
            return;
        }

        // Targets run side by side: one decodes, the others wait for it.
        lock (_gate)
        {
            if (_decoded)
            {
                return;
            }

            foreach (var record in _records)
            {
                // Empty data (an empty string, or a record without a data field) has nothing to decode.
                if (MemoryMarshal.TryGetMemoryManager<byte, LazyBase64Data>(record.Data, out var owner, out var start, out var size) && ReferenceEquals(owner, this) && size > 0)
                {
                    var text = record.QuotedBase64Data.Span[1..^1];
                    if (Base64.DecodeFromUtf8(text, _buffer.AsSpan(start, size), out _, out var written) != OperationStatus.Done || written != size)
                    {
                        throw new InvalidOperationException($"Kinesis data checked as base64 when read did not decode to {size} bytes.");
                    }
                }
            }

            _decoded = true;
        }
    }
}
