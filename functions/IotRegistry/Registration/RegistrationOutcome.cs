namespace IotRegistry.Registration;

internal enum RegistrationOutcome
{
    /// <summary>A new device item was written.</summary>
    Registered,

    /// <summary>The same registration was already stored; nothing changed.</summary>
    AlreadyRegistered,

    /// <summary>The device exists with different details; nothing changed (activation and owner are never reset).</summary>
    Conflict,

    /// <summary>The rule's MQTT client id differs from the payload's clientId: one device tried to register another.</summary>
    ClientIdMismatch,

    /// <summary>The payload's serial number differs from the one in the topic it was published on (the broker's policy ties that one to the sender's certificate).</summary>
    SerialMismatch,

    /// <summary>The device was deregistered: it can never register again; nothing changed.</summary>
    Deregistered,

    /// <summary>The message failed validation; nothing was written.</summary>
    InvalidInput,
}
