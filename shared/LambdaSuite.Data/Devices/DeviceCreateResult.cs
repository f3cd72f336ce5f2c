namespace LambdaSuite.Data.Devices;

/// <summary>What a create-if-absent found: either it wrote the item, or the item that was already there.</summary>
/// <param name="Created">True when the item was written.</param>
/// <param name="Existing">The stored item that prevented the write; null when <paramref name="Created"/>.</param>
public sealed record DeviceCreateResult(bool Created, DeviceRecord? Existing);
