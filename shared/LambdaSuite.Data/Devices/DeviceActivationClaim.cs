namespace LambdaSuite.Data.Devices;

/// <summary>
/// What one activation attempt writes as the device's claim: the HMAC of the offered code under one key, and that
/// key's id. The write is conditioned on the item naming the same key, so a claim is only ever compared with a hash
/// made under the key that made it.
/// </summary>
/// <param name="CodeHmac">The offered code's HMAC under the key <paramref name="KeyId"/> names.</param>
/// <param name="KeyId">The key id the item must carry for this claim to be written.</param>
/// <param name="IsCurrentKey">
/// True when the claim is under the current key, which also covers items written before key ids existed.
/// </param>
public sealed record DeviceActivationClaim(string CodeHmac, string KeyId, bool IsCurrentKey)
{
    /// <summary>The door the attempt came through (<see cref="DeviceDoors"/>), kept with the claim so the activation's history line can name it.</summary>
    public string? Door { get; init; }

    /// <summary>True when an item carrying <paramref name="itemKeyId"/> (null: none) takes this claim.</summary>
    public bool Fits(string? itemKeyId) =>
        itemKeyId is null ? IsCurrentKey : string.Equals(itemKeyId, KeyId, StringComparison.Ordinal);
}
