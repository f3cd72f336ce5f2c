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

        var chunks = await store.GetStateChunksAsync(row.Zone, row.StateSlot, row.StateChunks, cancellationToken).ConfigureAwait(false);
        if (chunks is null)
        {
            return (null, "a chunk of the stored records is missing");
        }

        var blob = Join(chunks);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(blob)), row.StateDigest, StringComparison.Ordinal))
        {
            return (null, "the stored records do not match their digest");
        }

        try
        {
            var zone = MirroredZoneCodec.Decode(blob);
            return zone.Serial == row.StateSerial ? (zone, null) : (null, $"the stored records say serial {zone.Serial}, the row {row.StateSerial}");
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Writes the blob into the free slot; the returned row fields point at it once the run's state write lands.</summary>
    public async Task<DnsMirrorZoneState> SaveAsync(DnsMirrorZoneState row, uint serial, byte[] blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(blob);
        var slot = row.StateSlot == "a" ? "b" : "a";
        var chunks = new List<ReadOnlyMemory<byte>>();
        for (var offset = 0; offset < blob.Length; offset += DnsMirrorZoneStore.MaxChunkBytes)
        {
            chunks.Add(blob.AsMemory(offset, Math.Min(DnsMirrorZoneStore.MaxChunkBytes, blob.Length - offset)));
        }

        await store.PutStateChunksAsync(row.Zone, slot, chunks, cancellationToken).ConfigureAwait(false);
        return row with
        {
            StateSlot = slot,
            StateChunks = chunks.Count,
            StateSerial = serial,
            StateDigest = Convert.ToHexStringLower(SHA256.HashData(blob)),
        };
    }

    private static byte[] Join(IReadOnlyList<byte[]> chunks)
    {
        if (chunks.Count == 1)
        {
            return chunks[0];
        }

        var blob = new byte[chunks.Sum(c => c.Length)];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(blob, offset);
            offset += chunk.Length;
        }

        return blob;
    }
}
