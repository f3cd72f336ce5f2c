namespace LambdaSuite.Data.Devices;

/// <summary>The lifecycle changes <see cref="DeviceCatalog.ChangeAsync"/> makes.</summary>
public enum DeviceChangeKind
{
    /// <summary>A new owner for an activated device.</summary>
    Transfer,

    /// <summary>Back to unactivated under a new activation code: claim, owner and counters removed.</summary>
    Unbind,

    /// <summary>Retired for good; its history stays.</summary>
    Deregister,

    /// <summary>A certificate id bound to a device that has none.</summary>
    BindCertificate,
}
