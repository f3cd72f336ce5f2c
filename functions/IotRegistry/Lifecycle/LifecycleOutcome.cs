namespace IotRegistry.Lifecycle;

/// <summary>How a lifecycle request (transfer, unbind, deregister) ended. Faults are exceptions, never an outcome.</summary>
internal enum LifecycleOutcome
{
    /// <summary>The new owner is bound (200).</summary>
    Transferred,

    /// <summary>The device is unactivated under a new activation code (200).</summary>
    Unbound,

    /// <summary>The device is retired for good (200).</summary>
    Deregistered,

    /// <summary>No such device (404).</summary>
    DeviceNotFound,

    /// <summary>A transfer of a device that has no owner yet (409).</summary>
    NotActivated,

    /// <summary>The device was deregistered: nothing can be done to it any more (410).</summary>
    DeviceDeregistered,

    /// <summary>The owner's proof does not match; the attempt was counted (403).</summary>
    WrongProof,

    /// <summary>Too many failed proofs in the window (429).</summary>
    Locked,

    /// <summary>The device changed between the read and the write (another request won the race); nothing was written (409).</summary>
    Conflict,

    /// <summary>Only the IAM-authorised door may do this (403).</summary>
    AdministratorRequired,
}
