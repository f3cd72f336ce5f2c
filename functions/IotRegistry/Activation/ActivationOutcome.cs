namespace IotRegistry.Activation;

/// <summary>How an activation attempt ended. Faults are exceptions, never an outcome.</summary>
internal enum ActivationOutcome
{
    /// <summary>The owner is bound (HTTP 200).</summary>
    Activated,

    /// <summary>The attempt failed validation; nothing was read or written (HTTP 400).</summary>
    InvalidInput,

    /// <summary>The code does not match; the attempt was counted (HTTP 403).</summary>
    WrongCode,

    /// <summary>No such device (HTTP 404).</summary>
    DeviceNotFound,

    /// <summary>The device already has an owner (HTTP 409).</summary>
    AlreadyActivated,

    /// <summary>Too many failed attempts in the window; nothing is checked until the lock lifts (HTTP 429).</summary>
    Locked,

    /// <summary>
    /// The device's code was hashed under a key retired by two rotations: it cannot be checked, so nothing was
    /// written or counted. HTTP answers it exactly as a wrong code; the IoT door and the CLI name it, so an operator
    /// can have the device registered again.
    /// </summary>
    KeyRetired,

    /// <summary>The device was deregistered: it can never be activated again; nothing was counted (HTTP: as a wrong code; IoT 410).</summary>
    DeviceDeregistered,
}
