using System.Buffers;
using System.Security.Cryptography;
using LambdaSuite.Data.DnsMirror;

namespace DnsMirror.State;

/// <summary>
/// Loads and saves a zone's <see cref="MirroredZone"/> through the zones table's chunk items (see
/// <c>DnsMirrorZoneStore.State.cs</c>). A save writes the slot the row does not point at and returns the pointer the
/// run's state write then records, conditional on the row's version like every state write, so two runs never
/// interleave and a run that dies before that write leaves the previous state in place.
/// </summary>
internal sealed class ZoneStateRepository(IDnsMirrorZoneStore store)
{
    private const int PieceLength = 64 * 1024;

    /// <summary>
    /// The stored records when the row points at a complete, intact copy at its last mirrored serial; null otherwise
    /// (never stored, stored at another serial, a chunk missing, the digest or the format wrong), with the reason.
    /// </summary>
    public async Task<(MirroredZone? Zone, string? Reason)> LoadAsync(DnsMirrorZoneState row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.StateSlot is null || row.StateChunks <= 0 || row.StateSerial is null)
        {
            return (null, "no stored records");
        }

        if (row.StateSerial != row.LastSerial)
        {
            return (null, $"the stored records are at serial {row.StateSerial}, the last mirrored serial is {row.LastSerial}");
        }

        // Each chunk is hashed and decompressed as it arrives and then let go: the compressed form is never held whole.
        // A piece that does not decode is remembered, not thrown, so a wrong digest is still the reason given.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var decoder = new StoredStateDecoder();
        var piece = ArrayPool<byte>.Shared.Rent(PieceLength);
        string? formatError = null;
        try
        {
            for (var i = 0; i < row.StateChunks; i++)
            {
                await using var chunk = await store.GetStateChunkAsync(row.Zone, row.StateSlot, i, cancellationToken).ConfigureAwait(false);
                if (chunk is null)
                {
                    return (null, "a chunk of the stored records is missing");
                }

                int read;
                while ((read = await chunk.ReadAsync(piece, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(piece, 0, read);
                    formatError ??= Feed(decoder, piece.AsSpan(0, read));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(piece);
        }

        if (!string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), row.StateDigest, StringComparison.Ordinal))
        {
            return (null, "the stored records do not match their digest");
        }

        try
        {
            var zone = formatError is null ? MirroredZoneCodec.DecodeBody(decoder.Finish()) : throw new FormatException(formatError);
            return zone.Serial == row.StateSerial ? (zone, null) : (null, $"the stored records say serial {zone.Serial}, the row {row.StateSerial}");
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Writes the blob into the free slot; the returned row fields point at it once the run's state write lands.</summary>
    public async Task<DnsMirrorZoneState> SaveAsync(DnsMirrorZoneState row, uint serial, ChunkedBuffer blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(blob);
        var slot = row.StateSlot == "a" ? "b" : "a";
        var chunks = blob.Chunks;
        await store.PutStateChunksAsync(row.Zone, slot, chunks, cancellationToken).ConfigureAwait(false);
        return row with
        {
            StateSlot = slot,
            StateChunks = chunks.Count,
            StateSerial = serial,
            StateDigest = blob.Digest(),
        };
    }

    private static string? Feed(StoredStateDecoder decoder, ReadOnlySpan<byte> piece)
    {
        try
        {
            decoder.Append(piece);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}
