namespace LambdaSuite.Data.DnsMirror;

/// <summary>
/// The zones table operations DnsMirror's sync service calls: the seam it takes. <see cref="DnsMirrorZoneStore"/> is
/// the DynamoDB one, whose conditional writes make the lease and the versioned state safe between concurrent runs
/// (tested against DynamoDB Local).
/// </summary>
public interface IDnsMirrorZoneStore
{
    /// <summary>Takes the zone's lease for <paramref name="owner"/> until <paramref name="expiresAt"/>; null when another run holds it.</summary>
    Task<DnsMirrorZoneState?> TryAcquireLeaseAsync(string zone, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Ends <paramref name="owner"/>'s lease; false when it no longer holds it.</summary>
    Task<bool> ReleaseLeaseAsync(string zone, string owner, CancellationToken cancellationToken = default);

    /// <summary>Writes the run's state when the row's version is still <paramref name="expectedVersion"/>; returns the new version.</summary>
    Task<long> RecordRunAsync(DnsMirrorZoneState state, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Writes the chunks of a zone's stored records into <paramref name="slot"/> (the one the row does not point at).</summary>
    Task PutStateChunksAsync(string zone, string slot, IReadOnlyList<ReadOnlyMemory<byte>> chunks, CancellationToken cancellationToken = default);

    /// <summary>Reads chunk <paramref name="index"/> of <paramref name="slot"/>; null when it is missing.</summary>
    Task<Stream?> GetStateChunkAsync(string zone, string slot, int index, CancellationToken cancellationToken = default);
}
