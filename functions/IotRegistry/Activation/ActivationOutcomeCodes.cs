namespace IotRegistry.Activation;

/// <summary>The stable wire names and HTTP statuses of <see cref="ActivationOutcome"/>; both doors use them.</summary>
internal static class ActivationOutcomeCodes
{
    public static string Name(this ActivationOutcome outcome) => outcome switch
    {
        ActivationOutcome.Activated => "activated",
        ActivationOutcome.InvalidInput => "invalid_input",
        ActivationOutcome.WrongCode => "wrong_code",
        ActivationOutcome.DeviceNotFound => "device_not_found",
        ActivationOutcome.AlreadyActivated => "already_activated",
        ActivationOutcome.Locked => "locked",
        ActivationOutcome.KeyRetired => "key_retired",
        ActivationOutcome.DeviceDeregistered => "device_deregistered",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static int Status(this ActivationOutcome outcome) => outcome switch
    {
        ActivationOutcome.Activated => 200,
        ActivationOutcome.InvalidInput => 400,
        ActivationOutcome.WrongCode => 403,
        ActivationOutcome.DeviceNotFound => 404,
        ActivationOutcome.AlreadyActivated => 409,
        ActivationOutcome.Locked => 429,
        ActivationOutcome.KeyRetired => 403,
        ActivationOutcome.DeviceDeregistered => 410,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
