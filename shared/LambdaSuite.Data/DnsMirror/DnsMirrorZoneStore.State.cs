using System.Runtime.InteropServices;
using Amazon.DynamoDBv2.Model;
using A = LambdaSuite.Data.DnsMirror.DnsMirrorZoneAttributes;

namespace LambdaSuite.Data.DnsMirror;

/// <summary>
/// The records a zone was last mirrored with, stored as chunk items beside its row (key <c>zone#state#slot#index</c>;
/// a zone row's key always ends with a dot, a chunk's never does). Two slots per zone: a run writes the slot the row
/// does not point at, then moves the row's pointer in the same conditional write that records its serial, so a run
/// that dies midway leaves the previous state whole. Only GetItem and UpdateItem, the actions the store has already.
/// </summary>
public sealed partial class DnsMirrorZoneStore
{
    /// <summary>Bytes per chunk item: DynamoDB's item limit is 400 KB, key and attribute names included.</summary>
    public const int MaxChunkBytes = 350_000;

    public static string ChunkKey(string zone, string slot, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{zone}#state#{slot}#{index}");

    public async Task PutStateChunksAsync(string zone, string slot, IReadOnlyList<ReadOnlyMemory<byte>> chunks, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(zone);
        ArgumentException.ThrowIfNullOrEmpty(slot);
        ArgumentNullException.ThrowIfNull(chunks);
        for (var i = 0; i < chunks.Count; i++)
        {
            if (chunks[i].Length > MaxChunkBytes)
            {
                throw new ArgumentException($"chunk {i} holds {chunks[i].Length} bytes, above {MaxChunkBytes}", nameof(chunks));
            }

            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = new() { [A.Zone] = new AttributeValue { S = ChunkKey(zone, slot, i) } },
                UpdateExpression = "SET #b = :b",
                ExpressionAttributeNames = new() { ["#b"] = A.StateBlob },
                ExpressionAttributeValues = new() { [":b"] = new AttributeValue { B = Wrap(chunks[i]) } },
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One chunk's bytes as the SDK decoded them (no copy), or null when the item or its blob is missing; only the blob
    /// is asked for. Chunks are read one at a time so the caller can decompress each and let it go before the next.
    /// </summary>
    public async Task<Stream?> GetStateChunkAsync(string zone, string slot, int index, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(zone);
        ArgumentException.ThrowIfNullOrEmpty(slot);
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new() { [A.Zone] = new AttributeValue { S = ChunkKey(zone, slot, index) } },
            ConsistentRead = true,
            ProjectionExpression = "#b",
            ExpressionAttributeNames = new() { ["#b"] = A.StateBlob },
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item && item.TryGetValue(A.StateBlob, out var blob) ? blob.B : null;
    }

    // The SDK reads a request's binary value from a stream: one over the caller's array, not a copy of it.
    private static MemoryStream Wrap(ReadOnlyMemory<byte> chunk) =>
        MemoryMarshal.TryGetArray(chunk, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(chunk.ToArray(), writable: false);
}
