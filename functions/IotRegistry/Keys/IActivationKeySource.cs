namespace IotRegistry.Keys;

/// <summary>Where <see cref="ActivationKeyRing"/> loads the keys from (Secrets Manager in AWS).</summary>
internal interface IActivationKeySource
{
    /// <summary>The current and previous keys; throws <see cref="ActivationKeyException"/> when they cannot be had.</summary>
    Task<ActivationKeySet> LoadAsync(CancellationToken cancellationToken);
}
