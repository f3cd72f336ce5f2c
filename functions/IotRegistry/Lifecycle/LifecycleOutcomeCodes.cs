namespace IotRegistry.Lifecycle;

/// <summary>The stable wire names and HTTP statuses of <see cref="LifecycleOutcome"/>.</summary>
internal static class LifecycleOutcomeCodes
{
    public static string Name(this LifecycleOutcome outcome) => outcome switch
    {
        LifecycleOutcome.Transferred => "transferred",
        LifecycleOutcome.Unbound => "unbound",
        LifecycleOutcome.Deregistered => "deregistered",
        LifecycleOutcome.DeviceNotFound => "device_not_found",
        LifecycleOutcome.NotActivated => "not_activated",
        LifecycleOutcome.DeviceDeregistered => "device_deregistered",
        LifecycleOutcome.WrongProof => "wrong_proof",
        LifecycleOutcome.Locked => "locked",
        LifecycleOutcome.Conflict => "conflict",
        LifecycleOutcome.AdministratorRequired => "administrator_required",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static int Status(this LifecycleOutcome outcome) => outcome switch
    {
        LifecycleOutcome.Transferred or LifecycleOutcome.Unbound or LifecycleOutcome.Deregistered => 200,
        LifecycleOutcome.DeviceNotFound => 404,
        LifecycleOutcome.NotActivated or LifecycleOutcome.Conflict => 409,
        LifecycleOutcome.DeviceDeregistered => 410,
        LifecycleOutcome.WrongProof or LifecycleOutcome.AdministratorRequired => 403,
        LifecycleOutcome.Locked => 429,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static string Message(this LifecycleOutcome outcome) => outcome switch
    {
        LifecycleOutcome.DeviceNotFound => "No such device.",
        LifecycleOutcome.NotActivated => "The device has no owner yet; activate it instead.",
        LifecycleOutcome.DeviceDeregistered => "The device is deregistered; nothing more can be done to it.",
        LifecycleOutcome.WrongProof => "The owner's e-mail and activation code do not match.",
        LifecycleOutcome.Locked => "Too many failed attempts; try again later.",
        LifecycleOutcome.Conflict => "The device changed while this request was made; read it and try again.",
        LifecycleOutcome.AdministratorRequired => "Only an administrator may do this, through the IAM-authorised HTTP API.",
        _ => outcome.Name(),
    };
}
