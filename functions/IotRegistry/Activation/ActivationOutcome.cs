namespace IotRegistry.Activation;

/// <summary>How an activation attempt ended. Faults are exceptions, never an outcome.</summary>
public enum ActivationOutcome
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
}
