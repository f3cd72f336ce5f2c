namespace IotRegistry.Keys;

/// <summary>
/// The activation-code keys in force: the current one (new registrations, and items without a key id) and the
/// previous one, kept so that codes issued before the last rotation still activate.
/// </summary>
internal sealed record ActivationKeySet(ActivationCodeHasher Current, ActivationCodeHasher? Previous = null)
{
    /// <summary>The key whose id is <paramref name="keyId"/>, or null when neither key has it (retired, or not seen yet).</summary>
    public ActivationCodeHasher? Find(string keyId) =>
        string.Equals(Current.KeyId, keyId, StringComparison.Ordinal) ? Current
        : Previous is not null && string.Equals(Previous.KeyId, keyId, StringComparison.Ordinal) ? Previous
        : null;
}
